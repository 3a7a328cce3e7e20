package io.github.rembed.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The text rows: remote rembed per row versus rembed_batch, and the in-process model with and without SQL. */
final class TextBench {
    private static final String[] WORDS = ("vector search ranks documents by the cosine distance between their "
            + "embeddings so a query about sailing boats finds texts on yachts harbours wind and tides even when "
            + "no word is shared while keyword search would miss them entirely").split(" ");

    private TextBench() {
    }

    /** Varied sentences of 12 to 24 words, the same for every run. */
    static List<String> texts(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder("Note ").append(i).append(':');
            int len = 12 + i % 13;
            for (int w = 0; w < len; w++) {
                sb.append(' ').append(WORDS[(i * 7 + w * 3) % WORDS.length]);
            }
            out.add(sb.append('.').toString());
        }
        return out;
    }

    record Remote(Table table, double batchSpeedup) {
    }

    static Remote remote(Params p) throws SQLException {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(Params.DIMENSIONS)
                .embeddingLatency(Latency.fixed(Duration.ofMillis(p.textLatencyMs()))).start();
             Connection conn = Sql.open()) {
            Sql.exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('remote', rembed_client_options("
                    + "'format', 'openai', 'model', 'text-embedding-3-small', 'url', " + Sql.quote(sim.baseUrl() + "/v1")
                    + ", 'batch_size', 64))");
            load(conn, texts(p.remoteTexts()));
            Sql.drain(conn, "SELECT rembed('remote', t) FROM texts LIMIT 3"); // connections and classes warm

            sim.metrics().reset();
            long t0 = System.nanoTime();
            int rows = Sql.drain(conn, "SELECT rembed('remote', t) FROM texts");
            double perRow = (System.nanoTime() - t0) / 1e9;
            long perRowRequests = sim.metrics().requests(Endpoint.OPENAI_EMBEDDINGS);

            sim.metrics().reset();
            t0 = System.nanoTime();
            String json = Sql.text(conn, "SELECT rembed_batch('remote', json_group_array(t)) FROM texts");
            double batch = (System.nanoTime() - t0) / 1e9;
            long batchRequests = sim.metrics().requests(Endpoint.OPENAI_EMBEDDINGS);
            int items = Sql.text(conn, "SELECT json_array_length(?)", json).equals(String.valueOf(rows)) ? rows : -1;
            if (items != rows) {
                throw new IllegalStateException("rembed_batch returned a different number of items than texts");
            }

            Table t = new Table("Remote text (OpenAI format, " + p.textLatencyMs() + " ms per request)",
                    "method", "texts", "requests", "total", "texts/s", "speedup");
            t.row("rembed(client, t) per row", rows, perRowRequests, Table.seconds(perRow),
                    Table.num(rows / perRow, 1), "1.00x");
            t.row("rembed_batch(client, json_group_array(t))", rows, batchRequests, Table.seconds(batch),
                    Table.num(rows / batch, 1), Table.num(perRow / batch, 1) + "x");
            t.note("requests counted by the simulator; rembed_batch sends one request per batch_size (64) texts");
            return new Remote(t, perRow / batch);
        }
    }

    record Local(Table table, double sqlToDirect) {
    }

    static Local local(Params p) throws SQLException {
        List<String> texts = texts(p.localTexts());
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        EmbeddingModel direct = new AllMiniLmL6V2QuantizedEmbeddingModel();
        try (Connection conn = Sql.open()) {
            load(conn, texts);
            // Warm both: model load, ONNX sessions, JIT.
            direct.embedAll(segments.subList(0, Math.min(64, segments.size())));
            Sql.text(conn, "SELECT rembed_batch('local', json_group_array(t)) FROM (SELECT t FROM texts LIMIT 64)");

            double bestDirect = Double.MAX_VALUE;
            double bestBatch = Double.MAX_VALUE;
            double bestRow = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) { // alternate, so a noisy moment hurts both alike
                long t0 = System.nanoTime();
                int n = direct.embedAll(segments).content().size();
                bestDirect = Math.min(bestDirect, (System.nanoTime() - t0) / 1e9);
                if (n != texts.size()) {
                    throw new IllegalStateException("embedAll returned " + n + " vectors for " + texts.size());
                }
                t0 = System.nanoTime();
                Sql.text(conn, "SELECT rembed_batch('local', json_group_array(t)) FROM texts");
                bestBatch = Math.min(bestBatch, (System.nanoTime() - t0) / 1e9);
                if (round == 0) {
                    t0 = System.nanoTime();
                    Sql.drain(conn, "SELECT rembed('local', t) FROM texts");
                    bestRow = (System.nanoTime() - t0) / 1e9;
                }
            }
            int n = texts.size();
            Table t = new Table("In-process all-MiniLM-L6-v2 (quantized), " + n + " texts",
                    "method", "texts", "total", "texts/s", "ratio to direct");
            t.row("LangChain4j embedAll, called directly", n, Table.seconds(bestDirect), Table.num(n / bestDirect, 1),
                    "1.00");
            t.row("SQL rembed_batch('local', json_group_array(t))", n, Table.seconds(bestBatch),
                    Table.num(n / bestBatch, 1), Table.num(bestDirect / bestBatch, 2));
            t.row("SQL rembed('local', t) per row", n, Table.seconds(bestRow), Table.num(n / bestRow, 1),
                    Table.num(bestDirect / bestRow, 2));
            t.note("best of 3 alternating rounds for embedAll and rembed_batch; one round per row");
            t.note("rembed_batch calls the same embedAll in chunks of batch_size (64); the direct call passes all "
                    + n + " texts at once; rembed per row hands the model one text at a time");
            return new Local(t, bestDirect / bestBatch);
        }
    }

    static void load(Connection conn, List<String> texts) throws SQLException {
        Sql.exec(conn, "CREATE TEMP TABLE texts(id INTEGER PRIMARY KEY, t TEXT NOT NULL)");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO texts(t) VALUES (?)")) {
            for (String s : texts) {
                ps.setString(1, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
