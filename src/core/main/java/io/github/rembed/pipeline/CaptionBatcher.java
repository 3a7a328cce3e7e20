package io.github.rembed.pipeline;

import io.github.rembed.ItemResult;
import io.github.rembed.Stage;
import io.github.rembed.concurrency.Workers;
import io.github.rembed.engine.CallStats;
import io.github.rembed.engine.Retrier;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The embedding side of one call. Captions gather into batches of whatever is ready, up to
 * the batch size, embedded by at most {@code maxLoops} loops at once: fewer than the vision
 * workers, so that captions have time to gather. A caption already cached is answered at
 * once, without waiting for a batch or sharing a batch's fate.
 */
final class CaptionBatcher {
    private record Captioned(int index, String caption) {
    }

    private final CachingTextEmbedder embedder;
    private final int batchSize;
    private final int maxLoops;
    private final Workers workers;
    private final CallStats stats;
    private final Consumer<ItemResult> results;
    private final Queue<Captioned> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger loops = new AtomicInteger();

    CaptionBatcher(CachingTextEmbedder embedder, int batchSize, int maxLoops, Workers workers, CallStats stats,
                   Consumer<ItemResult> results) {
        this.embedder = embedder;
        this.batchSize = batchSize;
        this.maxLoops = maxLoops;
        this.workers = workers;
        this.stats = stats;
        this.results = results;
    }

    /** Queues item {@code index}'s caption for embedding; its result goes to {@code results}. */
    void add(int index, String caption) {
        float[] cached = embedder.cached(caption, stats);
        if (cached != null) {
            results.accept(new ItemResult.Embedded(index, cached));
            return;
        }
        ready.add(new Captioned(index, caption));
        startLoop();
    }

    /** Starts an embedding loop unless this call already has its share running. */
    private void startLoop() {
        if (!takeLoopSlot()) {
            return;
        }
        try {
            workers.execute(this::loop);
        } catch (RejectedExecutionException e) {
            loops.decrementAndGet(); // cancelled: the caller reports the waiting items
        }
    }

    private boolean takeLoopSlot() {
        while (true) {
            int n = loops.get();
            if (n >= maxLoops) {
                return false;
            }
            if (loops.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Embeds whatever captions are ready, a batch at a time, until none are left. */
    private void loop() {
        while (true) {
            List<Captioned> batch = new ArrayList<>(batchSize);
            for (Captioned c; batch.size() < batchSize && (c = ready.poll()) != null; ) {
                batch.add(c);
            }
            if (!batch.isEmpty()) {
                embed(batch);
                continue;
            }
            loops.decrementAndGet();
            // A caption may have arrived after the poll above while this loop still held its slot.
            if (ready.isEmpty() || workers.stopping() || !takeLoopSlot()) {
                return;
            }
        }
    }

    /**
     * Embeds one batch. When the batch is refused for its content (a 4xx reply, a malformed
     * reply) its captions are tried one by one, so one bad caption fails only its own item.
     */
    private void embed(List<Captioned> batch) {
        List<float[]> vectors;
        try {
            vectors = embedder.embed(batch.stream().map(Captioned::caption).toList(), stats);
        } catch (Throwable failure) {
            if (batch.size() > 1 && !workers.stopping() && Retrier.refusedForContent(failure)) {
                batch.forEach(c -> embed(List.of(c)));
            } else {
                batch.forEach(c -> results.accept(ItemErrors.failed(c.index(), Stage.EMBEDDING, failure,
                        workers.stopping())));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            results.accept(new ItemResult.Embedded(batch.get(i).index(), vectors.get(i)));
        }
    }
}
