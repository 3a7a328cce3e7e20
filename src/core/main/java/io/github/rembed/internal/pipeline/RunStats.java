package io.github.rembed.internal.pipeline;

import io.github.rembed.BatchStats;
import io.github.rembed.internal.concurrency.EndpointStatus;
import io.github.rembed.internal.engine.CallStats;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The counters of one call, updated from every worker, and the {@link BatchStats} they add up to. */
final class RunStats {
    /** Shortest wait a partial caption batch is given, whatever the vision latency. */
    private static final long MIN_BATCH_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** Vision requests, retries, tokens and caption cache hits. */
    final CallStats vision;
    /** Embedding requests (as the embedder counts them), retries, tokens and embedding cache hits. */
    final CallStats embedding;
    private final AtomicLong embeddingCalls = new AtomicLong();
    private final AtomicLong embeddedTexts = new AtomicLong();
    private final Latencies visionLatency = new Latencies();
    /** Smoothed vision latency of this call; 0 until the first reply. Racy updates lose little. */
    private volatile double typicalVisionNanos;
    private final ImagePipeline pipeline;

    /** @param observer hears of each stage's retries (items are counted as they reach the sink) */
    RunStats(ImagePipeline pipeline, CallStats.Observer observer) {
        this.pipeline = pipeline;
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
        double t = typicalVisionNanos;
        typicalVisionNanos = t == 0 ? nanos : t + 0.2 * (nanos - t);
    }

    /**
     * How long a caption may wait for its batch to fill: two vision latencies of this call (at
     * least 20 ms), in which every vision slot has had two turns to add a caption.
     */
    long captionWaitNanos() {
        return Math.max(MIN_BATCH_WAIT_NANOS, (long) (2 * typicalVisionNanos));
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
        List<BatchStats.Endpoint> visionEndpoints = endpoints(pipeline.visionEndpoints.status());
        int maxConcurrent = pipeline.limit.adaptive()
                ? visionEndpoints.stream().mapToInt(BatchStats.Endpoint::limit).max().orElse(0)
                : pipeline.limit.fixed();
        BatchStats.Usage visionUsage = new BatchStats.Usage(vision.inputTokens(), vision.outputTokens());
        BatchStats.Usage embeddingUsage = new BatchStats.Usage(embedding.inputTokens(), embedding.outputTokens());
        return new BatchStats(total, successful, failed, ms, avg, throughput, maxConcurrent,
                vision.retries() + embedding.retries(), vision.cacheHits() + embedding.cacheHits(),
                new BatchStats.Vision(vision.requests(), vision.cacheHits(),
                        visionLatency.percentile(50), visionLatency.percentile(95), visionUsage, visionEndpoints),
                new BatchStats.Embedding(Math.max(embedding.requests(), embeddingCalls.get()),
                        embeddedTexts.get(), embedding.cacheHits(), embeddingUsage,
                        endpoints(pipeline.embedder.endpoints())),
                new BatchStats.Usage(visionUsage.inputTokens() + embeddingUsage.inputTokens(),
                        visionUsage.outputTokens() + embeddingUsage.outputTokens()));
    }

    private static List<BatchStats.Endpoint> endpoints(List<EndpointStatus> status) {
        return status.stream().map(s -> new BatchStats.Endpoint(s.baseUrl(), s.state(), s.limit(), s.inFlight(),
                s.adaptive())).toList();
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
