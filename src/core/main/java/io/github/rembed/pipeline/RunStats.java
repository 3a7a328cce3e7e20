package io.github.rembed.pipeline;

import io.github.rembed.BatchStats;
import io.github.rembed.engine.CallStats;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The counters of one call, updated from every worker, and the {@link BatchStats} they add up to. */
final class RunStats {
    /** Vision requests, retries and caption cache hits. */
    final CallStats vision;
    /** Embedding requests (as the embedder counts them), retries and embedding cache hits. */
    final CallStats embedding;
    private final AtomicLong embeddingCalls = new AtomicLong();
    private final AtomicLong embeddedTexts = new AtomicLong();
    private final Latencies visionLatency = new Latencies();
    private final int maxConcurrent;

    /** @param observer hears of each stage's retries (items are counted as they reach the sink) */
    RunStats(int maxConcurrent, CallStats.Observer observer) {
        this.maxConcurrent = maxConcurrent;
        CallStats.Observer retries = new CallStats.Observer() {
            @Override
            public void retried() {
                observer.retried();
            }
        };
        this.vision = new CallStats(retries);
        this.embedding = new CallStats(retries);
    }

    void visionSucceeded(long nanos) {
        visionLatency.add(TimeUnit.NANOSECONDS.toMillis(nanos));
    }

    /** An embedding call started; counted here because the in-process model counts no requests. */
    void embeddingCall() {
        embeddingCalls.incrementAndGet();
    }

    void embedded(int texts) {
        embeddedTexts.addAndGet(texts);
    }

    BatchStats total(int total, int successful, int failed, long nanos) {
        long ms = TimeUnit.NANOSECONDS.toMillis(nanos);
        double avg = total == 0 ? 0 : round(ms / (double) total, 1);
        double throughput = total == 0 ? 0 : round(total / Math.max(nanos / 1e9, 1e-3), 2);
        return new BatchStats(total, successful, failed, ms, avg, throughput, maxConcurrent,
                vision.retries() + embedding.retries(), vision.cacheHits() + embedding.cacheHits(),
                new BatchStats.Vision(vision.requests(), vision.cacheHits(),
                        visionLatency.percentile(50), visionLatency.percentile(95)),
                new BatchStats.Embedding(Math.max(embedding.requests(), embeddingCalls.get()),
                        embeddedTexts.get(), embedding.cacheHits()));
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
