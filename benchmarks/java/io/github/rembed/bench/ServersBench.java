package io.github.rembed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scale-out: one client listing three model servers in its {@code url} against the same client
 * on one of them, each server serving at most 4 requests at once (429 beyond) and the client's
 * limit 4 per server. Text ({@code rembed_batch}) and images ({@code rembed_images_concurrent}).
 */
final class ServersBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_SERVER = 4;
    private static final int TEXT_BATCH = 8;
    private static final int IMAGE_BATCH = 10;
    /** Vision latency of the image rows, the quick run's in both modes so the full run stays short. */
    private static final int VISION_MS = 290;
    private static final double GOAL = 2.7;

    private ServersBench() {
    }

    private record Row(String what, int servers, int items, int ok, long requests, double seconds) {
        double perSecond() {
            return items / seconds;
        }
    }

    static Measured run(ScaleParams s, Params p) throws Exception {
        List<Row> rows = new ArrayList<>();
        // Text servers answer in the text rows' latency; image servers embed in the image rows' (a
        // caption batch's request is the tail of an image call, which more servers cannot shorten).
        List<SimulatedProvider> sims = new ArrayList<>();
        List<SimulatedProvider> imageSims = new ArrayList<>();
        try (Connection conn = Sql.open()) {
            for (int i = 0; i < 3; i++) {
                sims.add(SimulatedProvider.builder().embeddingDimensions(Params.DIMENSIONS)
                        .embeddingLatency(Latency.fixed(Duration.ofMillis(s.textLatencyMs())))
                        .embeddingCapacity(PER_SERVER).start());
                imageSims.add(SimulatedProvider.builder().embeddingDimensions(Params.DIMENSIONS)
                        .embeddingLatency(Latency.fixed(Duration.ofMillis(p.embedMs())))
                        .visionLatency(Latency.fixed(Duration.ofMillis(VISION_MS)))
                        .embeddingCapacity(PER_SERVER).visionCapacity(PER_SERVER).start());
            }
            text(conn, "t1", sims.get(0).baseUrl());
            text(conn, "t3", String.join(",", sims.stream().map(SimulatedProvider::baseUrl).toList()));
            images(conn, "i1", imageSims.get(0).baseUrl(), p);
            images(conn, "i3", String.join(",", imageSims.stream().map(SimulatedProvider::baseUrl).toList()), p);
            Sql.text(conn, "SELECT rembed_batch('t3', ?)", JSON.writeValueAsString(TextBench.texts(48))); // warm
            String texts = JSON.writeValueAsString(TextBench.texts(s.serverTexts()));
            for (String client : List.of("t1", "t3")) {
                sims.forEach(x -> x.metrics().reset());
                Stopwatch w = Stopwatch.start();
                JsonNode out = JSON.readTree(Sql.text(conn, "SELECT rembed_batch(?, ?)", client, texts));
                w.stop();
                rows.add(progress(new Row("text, rembed_batch", client.equals("t1") ? 1 : 3, s.serverTexts(),
                        out.size(), requests(sims, Endpoint.OLLAMA_EMBED), w.seconds())));
            }
            ImageBench.concurrent(conn, "i3", Images.list(8, p.imageBytes())); // warm
            for (String client : List.of("i1", "i3")) {
                imageSims.forEach(x -> x.metrics().reset());
                Stopwatch w = Stopwatch.start();
                JsonNode r = ImageBench.concurrent(conn, client, Images.list(s.serverImages(), p.imageBytes()));
                w.stop();
                rows.add(progress(new Row("images, rembed_images_concurrent", client.equals("i1") ? 1 : 3,
                        s.serverImages(), r.path("stats").path("successful").asInt(),
                        requests(imageSims, Endpoint.OLLAMA_CHAT), w.seconds())));
            }
        } finally {
            sims.forEach(SimulatedProvider::close);
            imageSims.forEach(SimulatedProvider::close);
        }
        Table t = new Table("Several model servers: three against one (each server at most " + PER_SERVER
                + " requests at once, max_concurrent_requests " + PER_SERVER + ")",
                "what", "servers", "ok/items", "requests", "total", "items/s", "vs one server");
        double worst = Double.MAX_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Row base = rows.get(i - i % 2);
            double speedup = r.perSecond() / base.perSecond();
            if (r.servers == 3) {
                worst = Math.min(worst, speedup);
            }
            t.row(r.what, r.servers, r.ok + "/" + r.items, r.requests, Table.seconds(r.seconds),
                    Table.num(r.perSecond(), 1), Table.num(speedup, 2) + "x");
        }
        t.note("text: " + s.textLatencyMs() + " ms per request, batch_size " + TEXT_BATCH + "; images: vision "
                + VISION_MS + " ms, embedding " + p.embedMs() + " ms, batch_size " + IMAGE_BATCH
                + "; requests = embedding requests (text) or vision requests (images) over all servers");
        t.note("url lists the three servers comma-separated; each request goes to the least-loaded healthy one");
        return new Measured(t, new Target("three servers vs one (text and images)", ">= " + GOAL + "x",
                "min " + Table.num(worst, 2) + "x", worst >= GOAL, worst >= GOAL ? "" : "see the servers table"));
    }

    private static void text(Connection conn, String name, String urls) throws Exception {
        Sql.exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES (" + Sql.quote(name)
                + ", rembed_client_options('format', 'ollama', 'model', 'nomic-embed-text', 'url', " + Sql.quote(urls)
                + ", 'batch_size', " + TEXT_BATCH + ", 'max_concurrent_requests', " + PER_SERVER + "))");
    }

    private static void images(Connection conn, String name, String urls, Params p) throws Exception {
        Sql.exec(conn, "INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES (" + Sql.quote(name)
                + ", rembed_multimodal_client_options('format', 'ollama', 'url', " + Sql.quote(urls)
                + ", 'max_concurrent_requests', " + PER_SERVER + ", 'batch_size', " + IMAGE_BATCH + "))");
    }

    private static long requests(List<SimulatedProvider> sims, Endpoint e) {
        return sims.stream().mapToLong(x -> x.metrics().requests(e)).sum();
    }

    private static Row progress(Row r) {
        System.err.printf("  %-34s %d server(s) %8s  %.1f items/s%n", r.what, r.servers, Table.seconds(r.seconds),
                r.perSecond());
        return r;
    }
}
