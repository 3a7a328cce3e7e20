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
 * @param vision               the vision stage's counters
 * @param embedding            the embedding stage's counters
 */
public record BatchStats(int totalProcessed, int successful, int failed, long totalDurationMs,
                         double avgTimePerItemMs, double throughput, int maxConcurrentRequests, long retries,
                         long cacheHits, Vision vision, Embedding embedding) {

    /**
     * The vision stage.
     *
     * @param requests  vision requests sent, retries included
     * @param cacheHits captions served from the cache
     * @param p50Ms     median latency of successful requests
     * @param p95Ms     95th percentile latency of successful requests
     */
    public record Vision(long requests, long cacheHits, long p50Ms, long p95Ms) {
    }

    /**
     * The embedding stage.
     *
     * @param requests  embedding requests sent, retries included
     * @param texts     captions embedded
     * @param cacheHits embeddings served from the cache
     */
    public record Embedding(long requests, long texts, long cacheHits) {
    }
}
