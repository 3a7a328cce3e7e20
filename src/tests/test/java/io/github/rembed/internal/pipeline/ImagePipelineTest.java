package io.github.rembed.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.BatchResult;
import io.github.rembed.ItemResult;
import io.github.rembed.Stage;
import io.github.rembed.internal.http.ProviderHttpException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine with in-memory models: order, window, batching, errors, retries, cache, cancellation. */
class ImagePipelineTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private static List<ImageInput> images(int n) {
        List<ImageInput> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ImageInput.of(Fakes.png("img-" + i)));
        }
        return out;
    }

    @Test
    void resultsAreInInputOrderWhateverTheCompletionOrder() {
        Fakes.Vision v = new Fakes.Vision();
        Random random = new Random(42);
        v.behaviour = t -> {
            Fakes.sleep(random.nextInt(15));
            return "caption of " + t;
        };
        Fakes.Embedder e = new Fakes.Embedder();
        BatchResult r = assertTimeoutPreemptively(HANG_GUARD, () -> Fakes.pipeline(v, e, 8, 4)
                .run(images(40), Cancellation.NEVER));
        assertEquals(40, r.items().size());
        for (int i = 0; i < 40; i++) {
            assertEquals(i, r.items().get(i).index());
            assertArrayEquals(Fakes.vectorFor("caption of img-" + i), r.embeddings().get(i));
        }
        assertEquals(40, r.stats().successful());
        assertEquals(0, r.stats().failed());
        assertEquals(40, r.stats().vision().requests());
        assertTrue(v.peak.get() <= 8, "at most max_concurrent_requests vision requests at once");
    }

    @Test
    void aSlowImageDoesNotHoldBackTheOthers() {
        // The slow image finishes only once every other image was delivered: if anything waited
        // for it (a batch barrier, an ordered window), this would hang.
        int n = 30;
        CountDownLatch othersDelivered = new CountDownLatch(n - 1);
        Fakes.Vision v = new Fakes.Vision();
        v.behaviour = t -> {
            if (t.equals("img-0")) {
                try {
                    othersDelivered.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            return "caption of " + t;
        };
        ImagePipeline pipeline = Fakes.pipeline(v, new Fakes.Embedder(), 3, 5);
        List<Integer> order = new ArrayList<>();
        assertTimeoutPreemptively(HANG_GUARD, () -> pipeline.stream(images(n).iterator(), r -> {
            order.add(r.index());
            if (r.index() != 0) {
                othersDelivered.countDown();
            }
        }, Cancellation.NEVER));
        assertEquals(n, order.size());
        assertEquals(0, order.get(n - 1), "the slow image comes last, after all the others");
    }

    @Test
    void captionsAreEmbeddedInBatchesOfAtMostBatchSize() {
        Fakes.Vision v = new Fakes.Vision();
        v.behaviour = t -> {
            Fakes.sleep(2);
            return "caption of " + t;
        };
        Fakes.Embedder e = new Fakes.Embedder();
        BatchResult r = Fakes.pipeline(v, e, 8, 3).run(images(50), Cancellation.NEVER);
        assertEquals(50, r.stats().successful());
        assertTrue(e.batches.stream().allMatch(b -> !b.isEmpty() && b.size() <= 3), "batches: " + e.batches);
        assertEquals(50, e.batches.stream().mapToInt(List::size).sum(), "each caption embedded once");
        assertEquals(50, r.stats().embedding().texts());
        assertEquals(e.batches.size(), r.stats().embedding().requests());
    }

    @Test
    void eachFailureIsReportedAtItsIndexWithItsStage() {
        Fakes.Vision v = new Fakes.Vision();
        v.behaviour = t -> {
            if (t.contains("bad-vision")) {
                throw new io.github.rembed.RembedException("model exploded");
            }
            return "caption of " + t;
        };
        Fakes.Embedder e = new Fakes.Embedder();
        e.failOn = "bad-embed";
        List<ImageInput> in = List.of(ImageInput.of(Fakes.png("ok-0")), ImageInput.of(Fakes.png("bad-vision")),
                ImageInput.of("plain text, not an image".getBytes()), ImageInput.invalid("item 3 is a number"),
                ImageInput.of(Fakes.png("bad-embed")), ImageInput.of(Fakes.png("ok-5")));
        // batch size 1: the embedding failure hits only its own item
        BatchResult r = Fakes.pipeline(v, e, 2, 1).run(in, Cancellation.NEVER);
        assertEquals(2, r.stats().successful());
        assertEquals(4, r.stats().failed());
        assertInstanceOf(ItemResult.Embedded.class, r.items().get(0));
        assertInstanceOf(ItemResult.Embedded.class, r.items().get(5));
        assertFailed(r, 1, Stage.VISION, "model exploded");
        assertFailed(r, 2, Stage.INPUT, "not an image");
        assertFailed(r, 3, Stage.INPUT, "item 3 is a number");
        assertFailed(r, 4, Stage.EMBEDDING, "refuses");
        assertNull(r.embeddings().get(1));
        assertEquals(4, r.errors().size());
        assertEquals(4, v.calls.get(), "the non-images never reached the vision model");
    }

    @Test
    void visionKeepsWorkingWhileCaptionsWaitForTheirEmbedding() {
        Fakes.Vision v = new Fakes.Vision();
        Fakes.Embedder e = new Fakes.Embedder();
        ImagePipeline pipeline = Fakes.pipeline(v, e, 2, 2);
        int beyondHeld = pipeline.imagesHeld() + 2;
        java.util.concurrent.atomic.AtomicBoolean visionWentOn = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean held = new java.util.concurrent.atomic.AtomicBoolean();
        e.beforeEachRequest = () -> {
            // The first request to get here (two may start together, so not "batches.size() == 1").
            if (!held.compareAndSet(false, true)) {
                return;
            }
            // Hold the first embedding back until vision has described more images than are held.
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            while (v.calls.get() < beyondHeld && System.nanoTime() < until) {
                Fakes.sleep(5);
            }
            if (v.calls.get() >= beyondHeld) {
                visionWentOn.set(true);
            }
        };
        List<ImageInput> in = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            in.add(ImageInput.of(Fakes.png("img-" + i)));
        }
        BatchResult r = pipeline.run(in, Cancellation.NEVER);
        assertEquals(20, r.stats().successful());
        assertTrue(visionWentOn.get(), "vision stalled behind a slow embedding: " + v.calls.get() + " described");
        assertTrue(v.peak.get() <= 2, "vision concurrency stayed within max_concurrent_requests");
    }

    @Test
    void aBatchRefusedForOneCaptionIsRetriedItemByItem() {
        Fakes.Vision v = new Fakes.Vision();
        Fakes.Embedder e = new Fakes.Embedder();
        e.failOn = "bad-embed";
        e.firstRequestSleepMs = 300;
        List<ImageInput> in = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            in.add(ImageInput.of(Fakes.png(i == 3 ? "bad-embed" : "fine-" + i)));
        }
        // One vision worker, one embedder: captions 1-5 queue behind the slow first request
        // and go out together, the bad one among them.
        BatchResult r = Fakes.pipeline(v, e, 1, 10).run(in, Cancellation.NEVER);
        assertEquals(5, r.stats().successful());
        assertFailed(r, 3, Stage.EMBEDDING, "refuses");
        for (int i : new int[] {0, 1, 2, 4, 5}) {
            assertInstanceOf(ItemResult.Embedded.class, r.items().get(i), "item " + i);
        }
        assertTrue(e.batches.stream().anyMatch(b -> b.size() > 1 && b.stream().anyMatch(t -> t.contains("bad-embed"))),
                "the bad caption shared a batch: " + e.batches);
        assertTrue(e.batches.contains(List.of("caption of bad-embed")), "then went alone: " + e.batches);
    }

    private static void assertFailed(BatchResult r, int index, Stage stage, String text) {
        ItemResult.Failed f = assertInstanceOf(ItemResult.Failed.class, r.items().get(index));
        assertEquals(stage, f.stage());
        assertTrue(f.error().contains(text), f.error());
    }

    @Test
    void retryableFailuresAreRetriedAndCounted() {
        Fakes.Vision v = new Fakes.Vision();
        var seen = ConcurrentHashMap.<String>newKeySet();
        v.behaviour = t -> {
            if (t.contains("flaky") && seen.add(t)) {
                throw new ProviderHttpException(503, "HTTP 503 from fake", Duration.ofMillis(5));
            }
            if (t.contains("broken")) {
                throw new ProviderHttpException(500, "HTTP 500 from fake", null);
            }
            return "caption of " + t;
        };
        List<ImageInput> in = List.of(ImageInput.of(Fakes.png("flaky-1")), ImageInput.of(Fakes.png("fine")),
                ImageInput.of(Fakes.png("broken")));
        BatchResult r = Fakes.pipeline(v, new Fakes.Embedder(), 4, 10).run(in, Cancellation.NEVER);
        assertInstanceOf(ItemResult.Embedded.class, r.items().get(0));
        assertFailed(r, 2, Stage.VISION, "HTTP 500 from fake after 3 attempts");
        assertEquals(1 + 2, r.stats().retries(), "one retry for the flaky item, two for the broken one");
        assertEquals(2 + 1 + 3, r.stats().vision().requests());
    }

    @Test
    void aRepeatedBatchCostsNoRequestAndCountsCacheHits() {
        Fakes.Vision v = new Fakes.Vision();
        Fakes.Embedder e = new Fakes.Embedder();
        ImagePipeline pipeline = Fakes.pipeline(v, e, 4, 10);
        BatchResult first = pipeline.run(images(12), Cancellation.NEVER);
        int visionCalls = v.calls.get();
        int embedCalls = e.batches.size();
        BatchResult second = pipeline.run(images(12), Cancellation.NEVER);
        assertEquals(visionCalls, v.calls.get());
        assertEquals(embedCalls, e.batches.size());
        assertEquals(0, second.stats().vision().requests());
        assertEquals(0, second.stats().embedding().requests());
        assertEquals(12, second.stats().vision().cacheHits());
        assertEquals(12, second.stats().embedding().cacheHits());
        assertEquals(24, second.stats().cacheHits());
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(first.embeddings().get(i), second.embeddings().get(i));
        }
    }

    @Test
    void anEmptyInputGivesZeroedStats() {
        BatchResult r = Fakes.pipeline(new Fakes.Vision(), new Fakes.Embedder(), 4, 10).run(List.of(),
                Cancellation.NEVER);
        assertTrue(r.items().isEmpty());
        assertEquals(0, r.stats().totalProcessed());
        assertEquals(0.0, r.stats().throughput());
        assertEquals(0.0, r.stats().avgTimePerItemMs());
    }

    @Test
    void aLongStreamHoldsAtMostTheWindowInMemory() {
        Fakes.Vision v = new Fakes.Vision();
        ImagePipeline pipeline = Fakes.pipeline(v, new Fakes.Embedder(), 4, 10);
        AtomicInteger pulled = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger worst = new AtomicInteger();
        int n = 5_000;
        Iterator<ImageInput> source = new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public ImageInput next() {
                worst.accumulateAndGet(pulled.incrementAndGet() - delivered.get(), Math::max);
                return ImageInput.of(Fakes.png("stream-" + next++));
            }
        };
        boolean[] seen = new boolean[n];
        var stats = assertTimeoutPreemptively(HANG_GUARD, () -> pipeline.stream(source, r -> {
            delivered.incrementAndGet();
            seen[r.index()] = true;
        }, Cancellation.NEVER));
        assertEquals(n, stats.successful());
        assertEquals(n, delivered.get());
        for (boolean s : seen) {
            assertTrue(s);
        }
        assertTrue(worst.get() <= pipeline.window(), "at most " + pipeline.window() + " images alive, saw "
                + worst.get());
    }

    @Test
    void cancellingStopsHungRequestsAndLeavesNoWorkerBehind() {
        Fakes.Vision v = new Fakes.Vision();
        CountDownLatch started = new CountDownLatch(2);
        v.behaviour = t -> {
            started.countDown();
            Fakes.sleep(600_000); // hangs until interrupted
            return "never";
        };
        AtomicBoolean cancel = new AtomicBoolean();
        Thread.ofPlatform().start(() -> {
            try {
                started.await();
            } catch (InterruptedException e) {
                return;
            }
            cancel.set(true);
        });
        ImagePipeline pipeline = Fakes.pipeline(v, new Fakes.Embedder(), 2, 10);
        BatchResult r = assertTimeoutPreemptively(HANG_GUARD, () -> pipeline.run(images(5), cancel::get));
        assertEquals(5, r.stats().failed());
        for (ItemResult item : r.items()) {
            assertEquals(Stage.CANCELLED, ((ItemResult.Failed) item).stage());
        }
        assertEquals(2, v.calls.get(), "nothing new starts once cancelled");
        assertEquals(0, pipeline.runtime.liveWorkers(), "no worker left running");
    }

    @Test
    void percentilesUseNearestRank() {
        Latencies l = new Latencies();
        assertEquals(0, l.percentile(50));
        for (int i = 1; i <= 20; i++) {
            l.add(i * 10L);
        }
        assertEquals(100, l.percentile(50));
        assertEquals(190, l.percentile(95));
    }

    @Test
    void percentilesOfAVeryLongStreamStayCloseInConstantMemory() {
        Latencies l = new Latencies();
        int n = Latencies.CAPACITY * 50;
        for (int i = 0; i < n; i++) {
            l.add(i % 1000); // uniform 0..999 ms
        }
        assertEquals(500, l.percentile(50), 40);
        assertEquals(950, l.percentile(95), 20);
    }
}
