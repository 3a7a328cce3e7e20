package io.github.rembed;

import java.util.List;

/**
 * Counters of one image call ({@link ImageClient} or {@code rembed_images_concurrent}), the
 * {@code stats} object of the SQL function's JSON. Immutable.
 *
 * @param totalProcessed        items in the input (for a stream, items pulled from it)
 * @param successful            items with an embedding
 * @param failed                items with an error, cancelled ones included
 * @param totalDurationMs       wall time of the call, in milliseconds
 * @param avgTimePerItemMs      {@code totalDurationMs / totalProcessed}, rounded to 0.1 ms; 0 for no items
 * @param throughput            items per second of wall time, rounded to 0.01; 0 for no items
 * @param maxConcurrentRequests the vision concurrency limit per server: the client's number, or
 *                              for {@code 'auto'} the highest adaptive limit at the end of the call
 * @param retries               requests sent again after a retryable failure, both stages
 * @param cacheHits             captions and embeddings served from the cache
 * @param vision                the vision (captioning) stage
 * @param embedding             the caption-embedding stage
 * @param usage                 tokens counted by the providers in their replies, both stages
 */
public record BatchStats(int totalProcessed, int successful, int failed, long totalDurationMs,
                         double avgTimePerItemMs, double throughput, int maxConcurrentRequests, long retries,
                         long cacheHits, Vision vision, Embedding embedding, Usage usage) {

    /**
     * The vision stage of a call.
     *
     * @param requests  vision requests sent, retries included
     * @param cacheHits images served without a request of their own: cached, or sharing the
     *                  request of an identical image in the same call
     * @param p50Ms     median latency of the successful vision requests, in milliseconds; 0 when there were none
     * @param p95Ms     95th-percentile latency of the successful vision requests, in milliseconds; 0 when there were none
     * @param usage     tokens the vision model counted
     * @param endpoints each vision server as the call ended
     */
    public record Vision(long requests, long cacheHits, long p50Ms, long p95Ms, Usage usage,
                         List<Endpoint> endpoints) {
        /**
         * The vision stage, holding an unmodifiable copy of {@code endpoints}.
         *
         * @param requests  vision requests sent, retries included
         * @param cacheHits images served without a request of their own
         * @param p50Ms     median latency of the successful vision requests, in milliseconds
         * @param p95Ms     95th-percentile latency of the successful vision requests, in milliseconds
         * @param usage     tokens the vision model counted
         * @param endpoints each vision server as the call ended
         */
        public Vision {
            endpoints = List.copyOf(endpoints);
        }
    }

    /**
     * The caption-embedding stage of a call.
     *
     * @param requests  embedding requests sent, retries included
     * @param texts     captions embedded
     * @param cacheHits embeddings served from the cache
     * @param usage     tokens the embedding model counted
     * @param endpoints each embedding server as the call ended
     */
    public record Embedding(long requests, long texts, long cacheHits, Usage usage, List<Endpoint> endpoints) {
        /**
         * The embedding stage, holding an unmodifiable copy of {@code endpoints}.
         *
         * @param requests  embedding requests sent, retries included
         * @param texts     captions embedded
         * @param cacheHits embeddings served from the cache
         * @param usage     tokens the embedding model counted
         * @param endpoints each embedding server as the call ended
         */
        public Embedding {
            endpoints = List.copyOf(endpoints);
        }
    }

    /**
     * Tokens a provider's replies counted; 0 where a provider reports none.
     *
     * @param inputTokens  tokens of the input: texts, prompts, images
     * @param outputTokens tokens of the output: captions
     */
    public record Usage(long inputTokens, long outputTokens) {
        /**
         * Input and output together.
         *
         * @return {@code inputTokens + outputTokens}
         */
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
