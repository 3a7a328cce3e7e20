package io.github.rembed.internal.pipeline;

import io.github.rembed.ItemResult;
import io.github.rembed.Stage;
import io.github.rembed.internal.concurrency.Workers;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.engine.RequestFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The embedding side of one call. Captions gather until {@code batchSize} of them are ready,
 * which are then sent at once as one request, so that embedding requests are full batches.
 * Waiting never holds the pipeline back (a caption holds no vision slot), and a partial batch
 * is sent as soon as waiting could not fill it or has lasted long enough:
 * <ul>
 * <li>when the images of this call still being described could not fill the batch, and none
 *     of its embedding requests is in flight (the end of the input, or a source slow to give
 *     the next image; while a request is in flight, captions gather behind it);</li>
 * <li>when the oldest caption has waited {@link #flushOverdue about two vision latencies}: in
 *     that time every vision slot has had two turns, so a batch would not grow much by waiting
 *     longer, and a slow image never keeps the others' captions waiting.</li>
 * </ul>
 * A caption already cached is answered at once, without waiting for a batch or sharing a
 * batch's fate.
 */
final class CaptionBatcher {
    /** @param arrived when the caption was ready, {@link System#nanoTime()} */
    private record Captioned(int index, String caption, long arrived) {
    }

    private final CachingTextEmbedder embedder;
    private final int batchSize;
    private final Workers workers;
    private final CallStats stats;
    private final Consumer<ItemResult> results;
    /** Guarded by this. */
    private final List<Captioned> ready = new ArrayList<>();
    /** Images of this call whose vision is started and not over; guarded by this. */
    private int describing;
    /** Embedding requests of this call in flight; guarded by this. */
    private int embedding;

    CaptionBatcher(CachingTextEmbedder embedder, int batchSize, Workers workers, CallStats stats,
                   Consumer<ItemResult> results) {
        this.embedder = embedder;
        this.batchSize = batchSize;
        this.workers = workers;
        this.stats = stats;
        this.results = results;
    }

    /** An image's vision is about to start; called before its worker is. */
    synchronized void describing() {
        describing++;
    }

    /** An image's vision failed: its item is reported elsewhere, but it no longer keeps a batch waiting. */
    void describedNothing() {
        synchronized (this) {
            describing--;
        }
        send();
    }

    /** Item {@code index}'s vision is over with {@code caption}; its result goes to {@code results}. */
    void add(int index, String caption) {
        float[] cached = embedder.cached(caption, stats);
        synchronized (this) {
            describing--;
            if (cached == null) {
                ready.add(new Captioned(index, caption, System.nanoTime()));
            }
        }
        if (cached != null) {
            results.accept(new ItemResult.Embedded(index, cached, caption));
        }
        send();
    }

    /** Sends whatever is ready if the oldest caption has waited {@code maxWaitNanos}; called by the waiting caller. */
    void flushOverdue(long now, long maxWaitNanos) {
        boolean overdue;
        synchronized (this) {
            overdue = !ready.isEmpty() && now - ready.get(0).arrived() >= maxWaitNanos;
        }
        if (overdue) {
            send(true);
        }
    }

    private void send() {
        send(false);
    }

    /** Sends every full batch, and the rest when {@code all} or when waiting could not fill it. */
    private void send(boolean all) {
        List<List<Captioned>> batches = new ArrayList<>();
        synchronized (this) {
            boolean cannotFill = ready.size() + describing < batchSize && embedding == 0;
            while (ready.size() >= batchSize || (all || cannotFill) && !ready.isEmpty()) {
                List<Captioned> head = ready.subList(0, Math.min(batchSize, ready.size()));
                batches.add(new ArrayList<>(head));
                head.clear();
            }
            embedding += batches.size();
        }
        for (List<Captioned> batch : batches) {
            try {
                workers.execute(() -> {
                    try {
                        embed(batch);
                    } finally {
                        synchronized (this) {
                            embedding--;
                        }
                        send();
                    }
                });
            } catch (RejectedExecutionException e) {
                synchronized (this) {
                    embedding--; // cancelled: the caller reports the waiting items
                }
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
            if (batch.size() > 1 && !workers.stopping() && RequestFailures.refusedForContent(failure)) {
                batch.forEach(c -> embed(List.of(c)));
            } else {
                batch.forEach(c -> results.accept(ItemErrors.failed(c.index(), Stage.EMBEDDING, failure,
                        workers.stopping())));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            results.accept(new ItemResult.Embedded(batch.get(i).index(), vectors.get(i), batch.get(i).caption()));
        }
    }
}
