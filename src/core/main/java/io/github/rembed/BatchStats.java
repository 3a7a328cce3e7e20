package io.github.rembed;

/**
 * Counters of one pipeline call, the {@code stats} object of {@code rembed_images_concurrent}.
 *
 * @param totalProcessed       items in the input
 * @param successful           items with an embedding
 * @param failed               items with an error
 * @param totalDurationMs      wall time of the call
 * @param avgTimePerItemMs     {@code totalDurationMs / totalProcessed}
 * @param throughput           items per second
 * @param maxConcurrentRequests the client's vision concurrency limit
 * @param retries              requests sent again after a retryable failure, both stages
 * @param cacheHits            captions and embeddings served from the cache
 */
public record BatchStats(int totalProcessed, int successful, int failed, long totalDurationMs,
                         double avgTimePerItemMs, double throughput, int maxConcurrentRequests, long retries,
                         long cacheHits, Vision vision, Embedding embedding) {

    /** Vision requests sent (retries included), captions from the cache, latency of successful requests. */
    public record Vision(long requests, long cacheHits, long p50Ms, long p95Ms) {
    }

    /** Embedding requests sent (retries included), captions embedded, embeddings from the cache. */
    public record Embedding(long requests, long texts, long cacheHits) {
    }
}
