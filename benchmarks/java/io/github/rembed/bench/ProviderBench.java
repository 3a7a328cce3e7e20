package io.github.rembed.bench;

import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * One {@code rembed_batch} of the remote texts through each provider's wire format, each at
 * its default batch size: the requests sent and the time taken, so a format that batches
 * badly or parses slowly shows against the others.
 */
final class ProviderBench {
    private record Format(String provider, String model, String urlPath, Endpoint endpoint) {
    }

    private static final List<Format> FORMATS = List.of(
            new Format("openai", "text-embedding-3-small", "/v1", Endpoint.OPENAI_EMBEDDINGS),
            new Format("ollama", "nomic-embed-text", "", Endpoint.OLLAMA_EMBED),
            new Format("nomic", "nomic-embed-text-v1.5", "", Endpoint.NOMIC_EMBED),
            new Format("cohere", "embed-english-v3.0", "", Endpoint.COHERE_EMBED_V2),
            new Format("jina", "jina-embeddings-v3", "/v1", Endpoint.OPENAI_EMBEDDINGS),
            new Format("mixedbread", "mxbai-embed-large-v1", "/v1/embeddings/", Endpoint.OPENAI_EMBEDDINGS),
            new Format("gemini", "text-embedding-004", "", Endpoint.GEMINI_BATCH_EMBED),
            new Format("mistral", "mistral-embed", "/v1", Endpoint.OPENAI_EMBEDDINGS),
            new Format("voyage", "voyage-3", "/v1", Endpoint.OPENAI_EMBEDDINGS),
            new Format("azure", "my-deployment", "", Endpoint.AZURE_EMBEDDINGS),
            new Format("llamafile", "llamafile", "", Endpoint.LLAMAFILE_EMBEDDING));

    private ProviderBench() {
    }

    static Table run(Params p) throws SQLException {
        List<String> texts = TextBench.texts(p.remoteTexts());
        Table t = new Table("Remote text by wire format (rembed_batch of " + texts.size() + " texts, "
                + p.textLatencyMs() + " ms per request)", "provider", "requests", "texts per request", "total", "texts/s");
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(Params.DIMENSIONS)
                .embeddingLatency(Latency.fixed(Duration.ofMillis(p.textLatencyMs()))).start();
             Connection conn = Sql.open()) {
            TextBench.load(conn, texts);
            for (Format f : FORMATS) {
                Sql.exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('c', rembed_client_options("
                        + "'format', " + Sql.quote(f.provider()) + ", 'model', " + Sql.quote(f.model()) + ", 'url', "
                        + Sql.quote(sim.baseUrl() + f.urlPath()) + "))");
                Sql.text(conn, "SELECT rembed_batch('c', json_array('warm up'))");
                sim.metrics().reset();
                long t0 = System.nanoTime();
                String items = Sql.text(conn, "SELECT json_array_length(rembed_batch('c', json_group_array(t))) FROM texts");
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (!items.equals(String.valueOf(texts.size()))) {
                    throw new IllegalStateException(f.provider() + ": rembed_batch returned " + items + " items");
                }
                long requests = sim.metrics().requests(f.endpoint());
                t.row(f.provider(), requests, Table.num((double) texts.size() / requests, 1), Table.seconds(seconds),
                        Table.num(texts.size() / seconds, 1));
            }
        }
        t.note("each provider at its default batch_size (Cohere 96, Gemini 100, llamafile one text per request)");
        return t;
    }
}
