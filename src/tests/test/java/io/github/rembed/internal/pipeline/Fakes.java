package io.github.rembed.internal.pipeline;

import io.github.rembed.RembedException;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.client.Provider;
import io.github.rembed.internal.client.VisionSpec;
import io.github.rembed.internal.embed.TextEmbedder;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.engine.RetryPolicy;
import io.github.rembed.internal.vision.ImageDescriber;
import io.github.rembed.internal.vision.ImageType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** In-memory vision and embedding models for engine tests: no HTTP. */
final class Fakes {
    static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(50));
    private static final AtomicInteger NEXT_URL = new AtomicInteger();

    private Fakes() {
    }

    /** Bytes that pass the PNG check, carrying {@code text} so a fake can react to them. */
    static byte[] png(String text) {
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[magic.length + body.length];
        System.arraycopy(magic, 0, out, 0, magic.length);
        System.arraycopy(body, 0, out, magic.length, body.length);
        return out;
    }

    static String text(byte[] png) {
        return new String(png, 8, png.length - 8, StandardCharsets.UTF_8);
    }

    /** A unique endpoint per fake, so process-wide limits of one test never touch another's. */
    static String uniqueUrl() {
        return "http://fake-" + NEXT_URL.incrementAndGet() + ".invalid";
    }

    /** Caption = "caption of " + the image's text; {@code behaviour} may sleep or throw first. */
    static final class Vision implements ImageDescriber {
        final VisionSpec spec = new VisionSpec(Provider.OLLAMA, "fake-vision", uniqueUrl(), null, null, "describe",
                Duration.ofSeconds(5));
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        volatile Function<String, String> behaviour = t -> "caption of " + t;

        @Override
        public String describe(byte[] image, ImageType type) {
            calls.incrementAndGet();
            int now = inFlight.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            try {
                return behaviour.apply(text(image));
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public VisionSpec spec() {
            return spec;
        }
    }

    /** Vector = [length of text, hash of text]; records each request's batch. */
    static final class Embedder implements TextEmbedder {
        final ClientSpec spec = new ClientSpec(Provider.OLLAMA, "fake-embed", uniqueUrl(), null, null, 64,
                Duration.ofSeconds(5));
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        volatile String failOn;
        /** The first request waits this long, so later captions queue up behind it. */
        volatile long firstRequestSleepMs;
        /** Runs at the start of every request (e.g. to hold it back until something happened). */
        volatile Runnable beforeEachRequest = () -> { };

        @Override
        public List<float[]> embed(List<String> texts, CallStats stats) {
            stats.request();
            batches.add(List.copyOf(texts));
            beforeEachRequest.run();
            if (batches.size() == 1 && firstRequestSleepMs > 0) {
                sleep(firstRequestSleepMs);
            }
            if (failOn != null && texts.stream().anyMatch(t -> t.contains(failOn))) {
                throw new RembedException("fake embedder refuses '" + failOn + "'");
            }
            List<float[]> out = new ArrayList<>();
            for (String t : texts) {
                out.add(vectorFor(t));
            }
            return out;
        }

        @Override
        public ClientSpec spec() {
            return spec;
        }
    }

    static float[] vectorFor(String caption) {
        return new float[] {caption.length(), caption.hashCode()};
    }

    static ImagePipeline pipeline(Vision v, Embedder e, int maxConcurrent, int batchSize) {
        return new PipelineRuntime(1 << 20, 1 << 20).pipeline(v, e, maxConcurrent, batchSize, FAST_RETRY);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RembedException("interrupted");
        }
    }
}
