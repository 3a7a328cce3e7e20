package io.github.rembed;

import java.util.List;

/**
 * Counters of one pipeline call, the {@code stats} object of {@code rembed_images_concurrent}.
 *
 * @param totalProcessed        items in the input
 * @param successful            items with an embedding
 * @param failed                items with an error
 * @param totalDurationMs       wall time of the call
 * @param avgTimePerItemMs      {@code totalDurationMs / totalProcessed}
 * @param throughput            items per second
 * @param maxConcurrentRequests the vision concurrency limit per server: the client's number, or
 *                              for {@code 'auto'} the highest adaptive limit at the end of the call
 * @param retries               requests sent again after a retryable failure, both stages
 * @param cacheHits             captions and embeddings served from the cache
 * @param usage                 tokens counted by the providers in their replies, both stages
 */
public record BatchStats(int totalProcessed, int successful, int failed, long totalDurationMs,
                         double avgTimePerItemMs, double throughput, int maxConcurrentRequests, long retries,
                         long cacheHits, Vision vision, Embedding embedding, Usage usage) {

    /**
     * Vision requests sent (retries included), images served without a request of their own
     * (cached, or sharing an identical image's request), latency of successful requests, tokens,
     * and each vision server as the call ended.
     */
    public record Vision(long requests, long cacheHits, long p50Ms, long p95Ms, Usage usage,
                         List<Endpoint> endpoints) {
        public Vision {
            endpoints = List.copyOf(endpoints);
        }
    }

    /** Embedding requests sent (retries included), captions embedded, embeddings from the cache, tokens, servers. */
    public record Embedding(long requests, long texts, long cacheHits, Usage usage, List<Endpoint> endpoints) {
        public Embedding {
            endpoints = List.copyOf(endpoints);
        }
    }

    /** Tokens a provider's replies counted: input (texts, prompts, images) and output (captions). */
    public record Usage(long inputTokens, long outputTokens) {
        public long totalTokens() {
            return inputTokens + outputTokens;
        }
    }

    /**
     * One model server as the call ended.
     *
     * @param url      the server's URL, secrets masked
     * @param state    {@code healthy}, {@code set aside} or {@code probing}
     * @param limit    requests it may have in flight (an adaptive limit's current value)
     * @param inFlight requests in flight there now, from the whole process
     * @param adaptive whether the limit adapts ({@code max_concurrent_requests = 'auto'})
     */
    public record Endpoint(String url, String state, int limit, int inFlight, boolean adaptive) {
    }
}
