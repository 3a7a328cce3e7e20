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
 * no batching, no retries, no caches; and its one-at-a-time form, a plain loop. Measured side
 * by side with {@code rembed_images_concurrent} and the sequential {@code rembed_batch}
 * against the same simulator: warm in this JVM, cold in fresh child JVMs ({@link ColdStart}).
 */
final class BaselineBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The concurrency for this comparison. */
    static final int CONCURRENCY = 8;
    private static final int ROUNDS = 3;
    /** Alternating repetitions of each warm pair; the best of each is kept. */
    private static final int REPEATS = 3;
    /** Latencies of the one-at-a-time rows, the quick run's in both modes, so overhead per image stands out. */
    private static final int SEQ_VISION_MS = 290;
    private static final int SEQ_EMBED_MS = 10;
    private static final int SEQ_IMAGES = 10;
    private static final String VISION_MODEL = "llava:7b";
    private static final String EMBEDDING_MODEL = "nomic-embed-text";

    private BaselineBench() {
    }

    record Result(Table table, List<Target> targets) {
    }

    /** One measured row. */
    record Row(String method, String when, int images, int ok, double seconds, double cpu) {
        double perSecond() {
            return images / seconds;
        }
    }

    static Result run(Params p) throws Exception {
        int c = CONCURRENCY;
        int n = c * ROUNDS;
        List<Row> rows = new ArrayList<>();
        ColdStart.Times coldLib;
        ColdStart.Times coldNoWarmup;
        ColdStart.Times coldBase;
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(Params.DIMENSIONS)
                .visionLatency(Latency.fixed(Duration.ofMillis(p.visionMs())))
                .embeddingLatency(Latency.fixed(Duration.ofMillis(p.embedMs()))).start()) {
            // Cold first: fresh JVMs, the simulator in this one, n = c images (one round) per call.
            coldLib = ColdStart.measure("library", true, sim.baseUrl(), c, c, p.imageBytes());
            coldNoWarmup = ColdStart.measure("library", false, sim.baseUrl(), c, c, p.imageBytes());
            coldBase = ColdStart.measure("handwritten", true, sim.baseUrl(), c, c, p.imageBytes());
            try (Connection conn = Sql.open()) {
                ImageBench.register(conn, "lib", sim, c, 10);
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                ImageBench.concurrent(conn, "lib", Images.list(c, p.imageBytes()));
                handWrittenCall(http, sim.baseUrl(), Images.list(c, p.imageBytes()), c);
                Row lib = null;
                Row base = null;
                for (int i = 0; i < REPEATS; i++) {
                    lib = best(lib, library(conn, n, p));
                    base = best(base, handWritten(http, sim.baseUrl(), n, p, c));
                }
                rows.add(lib);
                rows.add(base);
                http.close();
            }
        }
        Row[] seq = sequential(p);
        Row libWarm = rows.get(0);
        Row baseWarm = rows.get(1);
        double ratio = libWarm.perSecond() / baseWarm.perSecond();
        double seqIdeal = (SEQ_VISION_MS + SEQ_EMBED_MS) / 1000.0;
        double libOver = (seq[0].seconds / seq[0].images - seqIdeal) * 1000;
        double baseOver = (seq[1].seconds / seq[1].images - seqIdeal) * 1000;

        Table t = new Table("Library vs a hand-written baseline (vision " + p.visionMs() + " ms, embedding "
                + p.embedMs() + " ms per request; one at a time: " + SEQ_VISION_MS + " ms and " + SEQ_EMBED_MS + " ms)",
                "method", "when", "ok/images", "total", "images/s", "vs baseline", "note", "cpu");
        t.row("rembed_images_concurrent, c = " + c, "warm", libWarm.ok + "/" + n, Table.seconds(libWarm.seconds),
                Table.num(libWarm.perSecond(), 2), Table.num(ratio, 2) + "x", "best of " + REPEATS, cpu(libWarm));
        t.row("hand-written, c = " + c, "warm", baseWarm.ok + "/" + n, Table.seconds(baseWarm.seconds),
                Table.num(baseWarm.perSecond(), 2), "1.00x", "best of " + REPEATS, cpu(baseWarm));
        t.row("rembed_images_concurrent, c = " + c, "cold", c + " images", Table.seconds(coldLib.first()),
                Table.num(c / coldLib.first(), 2), Table.num(coldBase.first() / coldLib.first(), 2) + "x",
                "warm-up " + Table.seconds(coldLib.warmup()) + "; setup " + Table.seconds(coldLib.setup()), "-");
        t.row("rembed_images_concurrent, c = " + c + ", no warm-up", "cold", c + " images",
                Table.seconds(coldNoWarmup.first()), Table.num(c / coldNoWarmup.first(), 2),
                Table.num(coldBase.first() / coldNoWarmup.first(), 2) + "x", "warm-up " + Table.seconds(
                coldNoWarmup.warmup()) + "; setup " + Table.seconds(coldNoWarmup.setup()), "-");
        t.row("hand-written, c = " + c, "cold", c + " images", Table.seconds(coldBase.first()),
                Table.num(c / coldBase.first(), 2), "1.00x",
                "warm-up " + Table.seconds(coldBase.warmup()) + "; setup " + Table.seconds(coldBase.setup()), "-");
        t.row("rembed_batch (multimodal), one at a time", "warm", seq[0].ok + "/" + seq[0].images,
                Table.seconds(seq[0].seconds), Table.num(seq[0].perSecond(), 2),
                Table.num(seq[0].perSecond() / seq[1].perSecond(), 2) + "x",
                String.format("%+.0f ms per image over latency", libOver), cpu(seq[0]));
        t.row("hand-written loop, one at a time", "warm", seq[1].ok + "/" + seq[1].images,
                Table.seconds(seq[1].seconds), Table.num(seq[1].perSecond(), 2), "1.00x",
                String.format("%+.0f ms per image over latency", baseOver), cpu(seq[1]));
        t.note("hand-written = virtual threads + Semaphore(" + c + ") + JDK HttpClient, /api/chat then /api/embed per "
                + "image, the permit held for both calls; no batching, retries or caches; its one-at-a-time form is a "
                + "plain loop of the same two calls");
        t.note("library = rembed_images_concurrent, max_concurrent_requests " + c + ", batch_size 10; one at a time = "
                + "rembed_batch on a multimodal client (max_concurrent_requests 1)");
        t.note("warm: " + n + " new images per call after a warm-up call of each, " + REPEATS
                + " alternating repetitions, best kept (the machine is shared)");
        t.note("cold: the first call of a fresh child JVM (" + c + " images), the simulator in this JVM; warm-up = "
                + "first call minus the second; setup = Rembed.register and the client INSERT, or building the "
                + "HttpClient; 'no warm-up' runs with -Drembed.warmup=false (no background warm-up at register)");
        t.note("per image over latency = total / images - (" + SEQ_VISION_MS + " + " + SEQ_EMBED_MS + ") ms");
        List<Target> targets = List.of(
                new Target("library vs hand-written baseline at c = " + c + ", warm", ">= 1.00",
                        Table.num(ratio, 2) + "x (cold " + Table.num(coldBase.first() / coldLib.first(), 2)
                                + "x, first call " + Table.seconds(coldLib.first()) + " vs "
                                + Table.seconds(coldBase.first()) + ")", ratio >= 1.0,
                        ratio >= 1.0 ? "" : "see the baseline table"),
                new Target("one at a time: rembed_batch's overhead per image beyond the hand-written loop's",
                        "report", String.format("%+.0f ms (%+.0f vs %+.0f ms over latency)", libOver - baseOver,
                        libOver, baseOver), true, ""));
        return new Result(t, targets);
    }

    private static Row best(Row a, Row b) {
        return a == null || b.seconds < a.seconds ? b : a;
    }

    private static String cpu(Row r) {
        return r.cpu < 0 ? "?" : Math.round(r.cpu * 100) + "%";
    }

    /** rembed_batch on a multimodal client against the plain loop, warm, best of alternating repetitions. */
    private static Row[] sequential(Params p) throws Exception {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(Params.DIMENSIONS)
                .visionLatency(Latency.fixed(Duration.ofMillis(SEQ_VISION_MS)))
                .embeddingLatency(Latency.fixed(Duration.ofMillis(SEQ_EMBED_MS))).start();
             Connection conn = Sql.open()) {
            ImageBench.register(conn, "seq", sim, 1, 10);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            Sql.text(conn, "SELECT rembed_batch('seq', ?)", Images.jsonArray(Images.list(2, p.imageBytes())));
            handWrittenLoop(http, sim.baseUrl(), Images.list(2, p.imageBytes()));
            Row lib = null;
            Row base = null;
            for (int i = 0; i < REPEATS; i++) {
                List<byte[]> images = Images.list(SEQ_IMAGES, p.imageBytes());
                String input = Images.jsonArray(images);
                Stopwatch w = Stopwatch.start();
                JsonNode out = JSON.readTree(Sql.text(conn, "SELECT rembed_batch('seq', ?)", input));
                w.stop();
                lib = best(lib, progress(new Row("rembed_batch one at a time", "warm", SEQ_IMAGES, out.size(),
                        w.seconds(), w.cpuShare())));
                images = Images.list(SEQ_IMAGES, p.imageBytes());
                w = Stopwatch.start();
                int ok = handWrittenLoop(http, sim.baseUrl(), images);
                w.stop();
                base = best(base, progress(new Row("hand-written loop", "warm", SEQ_IMAGES, ok, w.seconds(),
                        w.cpuShare())));
            }
            http.close();
            return new Row[] {lib, base};
        }
    }

    private static Row library(Connection conn, int n, Params p) throws Exception {
        List<byte[]> images = Images.list(n, p.imageBytes());
        Stopwatch w = Stopwatch.start();
        JsonNode r = ImageBench.concurrent(conn, "lib", images);
        w.stop();
        return progress(new Row("rembed_images_concurrent", "warm", n, r.path("stats").path("successful").asInt(),
                w.seconds(), w.cpuShare()));
    }

    private static Row handWritten(HttpClient http, String baseUrl, int n, Params p, int c) throws Exception {
        List<byte[]> images = Images.list(n, p.imageBytes());
        Stopwatch w = Stopwatch.start();
        int ok = handWrittenCall(http, baseUrl, images, c);
        w.stop();
        return progress(new Row("hand-written baseline", "warm", n, ok, w.seconds(), w.cpuShare()));
    }

    /** The hand-written concurrent version; returns how many images got a vector of the right length. */
    static int handWrittenCall(HttpClient http, String baseUrl, List<byte[]> images, int c) throws Exception {
        Semaphore slots = new Semaphore(c);
        int ok = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<float[]>> vectors = new ArrayList<>();
            for (byte[] image : images) {
                vectors.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return embed(http, baseUrl, caption(http, baseUrl, image));
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<float[]> f : vectors) {
                ok += f.get().length == Params.DIMENSIONS ? 1 : 0;
            }
        }
        return ok;
    }

    /** The hand-written one-at-a-time version: a plain loop of the two calls. */
    static int handWrittenLoop(HttpClient http, String baseUrl, List<byte[]> images) throws Exception {
        int ok = 0;
        for (byte[] image : images) {
            ok += embed(http, baseUrl, caption(http, baseUrl, image)).length == Params.DIMENSIONS ? 1 : 0;
        }
        return ok;
    }

    private static String caption(HttpClient http, String baseUrl, byte[] image)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("model", VISION_MODEL).put("stream", false);
        body.putArray("messages").addObject().put("role", "user").put("content", "Describe this image.")
                .putArray("images").add(Base64.getEncoder().encodeToString(image));
        return post(http, baseUrl + "/api/chat", body).path("message").path("content").asText();
    }

    private static float[] embed(HttpClient http, String baseUrl, String caption)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("model", EMBEDDING_MODEL).put("input", caption);
        JsonNode vector = post(http, baseUrl + "/api/embed", body).path("embeddings").path(0);
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
