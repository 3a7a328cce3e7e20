package io.github.rembed.pipeline;

import io.github.rembed.BatchStats;
import io.github.rembed.ItemResult;
import io.github.rembed.RembedException;
import io.github.rembed.Stage;
import io.github.rembed.engine.CallStats;
import io.github.rembed.engine.Retrier;
import io.github.rembed.http.Redactor;
import io.github.rembed.vision.ImageType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One call through the pipeline. The calling thread pulls items, starts their vision
 * requests, collects results and watches for cancellation; worker threads do the requests.
 * Every started item ends with exactly one result in {@link #done}, whatever happens.
 */
final class PipelineRun {
    /** How often the waiting caller asks whether it was cancelled. */
    private static final long POLL_MS = 20;
    private static final long SHUTDOWN_WAIT_SEC = 10;

    private final ImagePipeline p;
    private final Cancellation cancel;
    private final ExecutorService workers;
    private final Semaphore visionLimit;
    private final Semaphore embeddingLimit;
    /** Embedding requests one call keeps in flight: fewer than vision, so captions gather into batches. */
    private final int maxEmbedders;
    private final BlockingQueue<ItemResult> done = new LinkedBlockingQueue<>();
    private final Queue<Captioned> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger embedders = new AtomicInteger();
    private final CallStats visionStats = new CallStats();
    private final CallStats embeddingStats = new CallStats();
    private final AtomicLong visionCacheHits = new AtomicLong();
    private final AtomicLong embeddingCacheHits = new AtomicLong();
    private final AtomicLong embeddingCalls = new AtomicLong();
    private final AtomicLong embeddedTexts = new AtomicLong();
    private final Latencies visionLatency = new Latencies();
    private volatile boolean stopping;
    /** Items whose image bytes are still held: started, vision not yet finished. */
    private final AtomicInteger holdingImages = new AtomicInteger();
    /** Posted when an image's vision finishes, so the caller starts the next one at once. */
    private static final ItemResult WAKE = new ItemResult.Failed(-1, Stage.INPUT, "not an item");

    private record Captioned(int index, String caption) {
    }

    PipelineRun(ImagePipeline p, Thread caller, Cancellation cancel) {
        this.p = p;
        this.cancel = cancel;
        this.workers = Workers.forCaller(caller);
        this.visionLimit = StageLimits.of("vision", p.vision.spec().provider().id() + " " + p.vision.spec().baseUrl(),
                p.maxConcurrent);
        var e = p.embedder.spec();
        this.embeddingLimit = StageLimits.of("embedding", e.provider().id() + " " + e.baseUrl(), p.maxConcurrent);
        this.maxEmbedders = Math.max(1, (p.maxConcurrent + 1) / 2);
    }

    BatchStats run(Iterator<? extends ImageInput> source, Consumer<? super ItemResult> sink) {
        long start = System.nanoTime();
        TreeSet<Integer> outstanding = new TreeSet<>();
        int pulled = 0;
        int successful = 0;
        int failed = 0;
        boolean cancelled = false;
        boolean interrupted = false;
        boolean clean = false;
        long nextCheck = System.nanoTime();
        try {
            while (true) {
                while (!cancelled && outstanding.size() < p.window() && holdingImages.get() < p.imagesHeld()
                        && source.hasNext()) {
                    ImageInput item = source.next();
                    int index = pulled++;
                    outstanding.add(index);
                    start(index, item);
                }
                if (outstanding.isEmpty()) {
                    break;
                }
                ItemResult r;
                try {
                    r = done.poll(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    r = null;
                }
                for (; r != null; r = done.poll()) {
                    if (outstanding.remove(r.index())) {
                        if (r instanceof ItemResult.Embedded) {
                            successful++;
                        } else {
                            failed++;
                        }
                        sink.accept(r);
                    }
                }
                if (!cancelled && (interrupted || System.nanoTime() >= nextCheck && cancel.cancelled())) {
                    cancelled = true;
                    stop();
                    for (int index : outstanding) {
                        failed++;
                        sink.accept(new ItemResult.Failed(index, Stage.CANCELLED, "cancelled before it finished"));
                    }
                    outstanding.clear();
                }
                if (System.nanoTime() >= nextCheck) {
                    nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MS);
                }
            }
            clean = true;
        } finally {
            if (!clean) {
                stop();
            }
            workers.shutdown();
            awaitWorkers();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return stats(pulled, successful, failed, System.nanoTime() - start);
    }

    private void stop() {
        stopping = true;
        workers.shutdownNow();
    }

    private void awaitWorkers() {
        boolean interrupted = Thread.interrupted();
        try {
            if (!workers.awaitTermination(SHUTDOWN_WAIT_SEC, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            workers.shutdownNow();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Refuses a non-image at once; otherwise starts its vision request. Runs on the caller. */
    private void start(int index, ImageInput item) {
        switch (item) {
            case ImageInput.Invalid invalid -> done.add(new ItemResult.Failed(index, Stage.INPUT, invalid.reason()));
            case ImageInput.Bytes bytes -> {
                Optional<ImageType> type = ImageType.detect(bytes.bytes());
                if (type.isEmpty()) {
                    done.add(new ItemResult.Failed(index, Stage.INPUT, notAnImage(bytes.bytes())));
                } else {
                    holdingImages.incrementAndGet();
                    workers.execute(Workers.counted(() -> vision(index, bytes.bytes(), type.get())));
                }
            }
        }
    }

    /**
     * Captions one image, then queues the caption for embedding. The image's slot is given
     * back as soon as its vision is done, so new images keep the vision stage busy while
     * earlier captions are still being embedded.
     */
    private void vision(int index, byte[] image, ImageType type) {
        String caption;
        try {
            caption = caption(image, type);
        } catch (Throwable e) {
            done.add(failure(index, Stage.VISION, e));
            return;
        } finally {
            holdingImages.decrementAndGet();
            done.add(WAKE);
        }
        float[] cached = p.caches.embedding(PipelineCaches.EmbeddingKey.of(p.embedder.spec(), caption));
        if (cached != null) {
            embeddingCacheHits.incrementAndGet();
            done.add(new ItemResult.Embedded(index, cached));
            return;
        }
        ready.add(new Captioned(index, caption));
        startEmbedder();
    }

    private String caption(byte[] image, ImageType type) {
        PipelineCaches.CaptionKey key = PipelineCaches.CaptionKey.of(p.vision.spec(), image);
        String hit = p.caches.caption(key);
        if (hit != null) {
            visionCacheHits.incrementAndGet();
            return hit;
        }
        String caption = Retrier.call(() -> describeOnce(image, type), p.retry, visionStats, p.vision.spec().describe());
        long bytes = utf8Length(caption);
        if (bytes > p.maxCaptionBytes) {
            throw new RembedException(p.vision.spec().describe() + ": caption of " + bytes + " bytes is larger than the "
                    + p.maxCaptionBytes + "-byte text limit");
        }
        p.caches.putCaption(key, caption);
        return caption;
    }

    /** One vision request under the endpoint's limit; the permit is not held while backing off. */
    private String describeOnce(byte[] image, ImageType type) {
        acquire(visionLimit);
        try {
            if (stopping) {
                // The permit may be granted just as the call is cancelled: send nothing new then.
                throw new RembedException("cancelled");
            }
            long t0 = System.nanoTime();
            String caption = p.vision.describe(image, type);
            visionLatency.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return caption;
        } finally {
            visionLimit.release();
        }
    }

    /** Starts an embedding loop unless this call already has its share running. */
    private void startEmbedder() {
        if (!takeEmbedderSlot()) {
            return;
        }
        try {
            workers.execute(Workers.counted(this::embedLoop));
        } catch (RejectedExecutionException e) {
            embedders.decrementAndGet(); // cancelled: the caller reports the waiting items
        }
    }

    private boolean takeEmbedderSlot() {
        while (true) {
            int n = embedders.get();
            if (n >= maxEmbedders) {
                return false;
            }
            if (embedders.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Embeds whatever captions are ready, a batch at a time, until none are left. */
    private void embedLoop() {
        while (true) {
            List<Captioned> batch = new ArrayList<>(p.batchSize);
            for (Captioned c; batch.size() < p.batchSize && (c = ready.poll()) != null; ) {
                batch.add(c);
            }
            if (!batch.isEmpty()) {
                embed(batch);
                continue;
            }
            embedders.decrementAndGet();
            // A caption may have arrived after the poll above while this loop still held its slot.
            if (ready.isEmpty() || stopping || !takeEmbedderSlot()) {
                return;
            }
        }
    }

    /**
     * Embeds one batch. When the batch is refused for its content (a 4xx reply, a malformed
     * reply) its captions are tried one by one, so one bad caption fails only its own item.
     */
    private void embed(List<Captioned> batch) {
        Throwable failure = embedBatch(batch);
        if (failure == null) {
            return;
        }
        if (batch.size() > 1 && !stopping && Retrier.refusedForContent(failure)) {
            batch.forEach(c -> embed(List.of(c)));
        } else {
            batch.forEach(c -> done.add(failure(c.index(), Stage.EMBEDDING, failure)));
        }
    }

    /** One embedding request under the endpoint's limit; returns its failure, or null when it posted results. */
    private Throwable embedBatch(List<Captioned> batch) {
        try {
            acquire(embeddingLimit);
        } catch (Throwable e) {
            return e;
        }
        try {
            embeddingCalls.incrementAndGet();
            List<float[]> vectors = p.embedder.embed(batch.stream().map(Captioned::caption).toList(), embeddingStats);
            embeddedTexts.addAndGet(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Captioned c = batch.get(i);
                p.caches.putEmbedding(PipelineCaches.EmbeddingKey.of(p.embedder.spec(), c.caption()), vectors.get(i));
                done.add(new ItemResult.Embedded(c.index(), vectors.get(i)));
            }
            return null;
        } catch (Throwable e) {
            return e;
        } finally {
            embeddingLimit.release();
        }
    }

    private static void acquire(Semaphore limit) {
        try {
            limit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RembedException("cancelled while waiting for a free request slot");
        }
    }

    private ItemResult.Failed failure(int index, Stage stage, Throwable e) {
        Stage s = stopping || Thread.currentThread().isInterrupted() ? Stage.CANCELLED : stage;
        String message = e instanceof RembedException ? e.getMessage() : Redactor.describe(e);
        int newline = message.indexOf('\n');
        // Parser errors append multi-line source excerpts; the first line says what went wrong.
        return new ItemResult.Failed(index, s, Redactor.scrub(newline < 0 ? message : message.substring(0, newline)));
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static String notAnImage(byte[] bytes) {
        return bytes.length == 0 ? "empty image"
                : "not an image: expected PNG, JPEG, GIF, WebP or BMP bytes (" + bytes.length + " bytes of something else)";
    }

    private BatchStats stats(int total, int successful, int failed, long nanos) {
        long ms = TimeUnit.NANOSECONDS.toMillis(nanos);
        double avg = total == 0 ? 0 : round(ms / (double) total, 1);
        double throughput = total == 0 ? 0 : round(total / Math.max(nanos / 1e9, 1e-3), 2);
        long cacheHits = visionCacheHits.get() + embeddingCacheHits.get();
        return new BatchStats(total, successful, failed, ms, avg, throughput, p.maxConcurrent,
                visionStats.retries() + embeddingStats.retries(), cacheHits,
                new BatchStats.Vision(visionStats.requests(), visionCacheHits.get(),
                        visionLatency.percentile(50), visionLatency.percentile(95)),
                new BatchStats.Embedding(Math.max(embeddingStats.requests(), embeddingCalls.get()),
                        embeddedTexts.get(), embeddingCacheHits.get()));
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
