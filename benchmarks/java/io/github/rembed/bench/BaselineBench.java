package io.github.rembed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The yardstick for images: what a user would write by hand instead of the library. Virtual
 * threads, one {@link Semaphore} of c permits and the JDK {@link HttpClient}, two calls per
 * image (Ollama {@code /api/chat} for the caption, then {@code /api/embed} for its vector),
 * no batching, no retries, no caches. Measured side by side with
 * {@code rembed_images_concurrent} at the same concurrency against the same simulator.
 */
final class BaselineBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The concurrency for this comparison. */
    static final int CONCURRENCY = 8;
    private static final int ROUNDS = 3;
    private static final String VISION_MODEL = "llava:7b";
    private static final String EMBEDDING_MODEL = "nomic-embed-text";

    private BaselineBench() {
    }

    record Result(Table table, Target target) {
    }

    /** One measured row: images per second, and how many came back with a vector of the right length. */
    record Row(String method, String when, int images, int ok, double seconds, double cpu) {
        double perSecond() {
            return images / seconds;
        }
    }

    static Result run(Params p) throws Exception {
        int c = CONCURRENCY;
        int n = c * ROUNDS;
        List<Row> rows = new ArrayList<>();
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(Params.DIMENSIONS)
                .visionLatency(Latency.fixed(Duration.ofMillis(p.visionMs())))
                .embeddingLatency(Latency.fixed(Duration.ofMillis(p.embedMs()))).start();
             Connection conn = Sql.open()) {
            ImageBench.register(conn, "lib", sim, c, 10);
            // Cold: the first call of each in this JVM section. The library goes first, so it pays
            // for the JDK HTTP client and Jackson classes the baseline then finds loaded.
            rows.add(library(conn, n, p, "cold"));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            rows.add(handWritten(http, sim, n, p, c, "cold"));
            rows.add(library(conn, n, p, "warm"));
            rows.add(handWritten(http, sim, n, p, c, "warm"));
            http.close();
        }
        Row libWarm = rows.get(2);
        Row baseWarm = rows.get(3);
        double ratio = libWarm.perSecond() / baseWarm.perSecond();
        double coldRatio = rows.get(0).perSecond() / rows.get(1).perSecond();
        Table t = new Table("Library vs a hand-written baseline, images at concurrency " + c + " (vision "
                + p.visionMs() + " ms, embedding " + p.embedMs() + " ms per request)",
                "method", "when", "ok/images", "total", "images/s", "vs baseline", "cpu");
        for (Row r : rows) {
            Row base = r.when.equals("cold") ? rows.get(1) : baseWarm;
            t.row(r.method, r.when, r.ok + "/" + r.images, Table.seconds(r.seconds), Table.num(r.perSecond(), 2),
                    Table.num(r.perSecond() / base.perSecond(), 2) + "x",
                    r.cpu < 0 ? "?" : Math.round(r.cpu * 100) + "%");
        }
        t.note("baseline = virtual threads + Semaphore(" + c + ") + JDK HttpClient, /api/chat then /api/embed per "
                + "image, the permit held for both calls; no batching, retries or caches");
        t.note("library = rembed_images_concurrent, max_concurrent_requests " + c + ", batch_size 10; "
                + "a vision slot is freed as soon as its caption is back");
        t.note("cold = first call of each in this section (library first); warm = the next call, new images");
        Target target = new Target("library vs hand-written baseline at c = " + c + ", warm", ">= 1.00",
                Table.num(ratio, 2) + "x (cold " + Table.num(coldRatio, 2) + "x)", ratio >= 1.0,
                ratio >= 1.0 ? "" : "see the baseline table");
        return new Result(t, target);
    }

    private static Row library(Connection conn, int n, Params p, String when) throws Exception {
        List<byte[]> images = Images.list(n, p.imageBytes());
        Stopwatch w = Stopwatch.start();
        JsonNode r = ImageBench.concurrent(conn, "lib", images);
        w.stop();
        return progress(new Row("rembed_images_concurrent", when, n, r.path("stats").path("successful").asInt(),
                w.seconds(), w.cpuShare()));
    }

    private static Row handWritten(HttpClient http, SimulatedProvider sim, int n, Params p, int c, String when)
            throws Exception {
        List<byte[]> images = Images.list(n, p.imageBytes());
        Semaphore slots = new Semaphore(c);
        int ok = 0;
        Stopwatch w = Stopwatch.start();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<float[]>> vectors = new ArrayList<>();
            for (byte[] image : images) {
                vectors.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return embed(http, sim, caption(http, sim, image));
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<float[]> f : vectors) {
                ok += f.get().length == Params.DIMENSIONS ? 1 : 0;
            }
        }
        w.stop();
        return progress(new Row("hand-written baseline", when, n, ok, w.seconds(), w.cpuShare()));
    }

    private static String caption(HttpClient http, SimulatedProvider sim, byte[] image)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("model", VISION_MODEL).put("stream", false);
        body.putArray("messages").addObject().put("role", "user").put("content", "Describe this image.")
                .putArray("images").add(Base64.getEncoder().encodeToString(image));
        return post(http, sim.baseUrl() + "/api/chat", body).path("message").path("content").asText();
    }

    private static float[] embed(HttpClient http, SimulatedProvider sim, String caption)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("model", EMBEDDING_MODEL).put("input", caption);
        JsonNode vector = post(http, sim.baseUrl() + "/api/embed", body).path("embeddings").path(0);
        float[] out = new float[vector.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) vector.get(i).asDouble();
        }
        return out;
    }

    private static JsonNode post(HttpClient http, String url, ObjectNode body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        HttpResponse<byte[]> reply = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (reply.statusCode() != 200) {
            throw new IOException(url + " answered " + reply.statusCode());
        }
        return JSON.readTree(reply.body());
    }

    private static Row progress(Row r) {
        System.err.printf("  %-26s %-5s %4d images  %8s  %.2f images/s%n", r.method, r.when, r.images,
                Table.seconds(r.seconds), r.perSecond());
        return r;
    }
}
