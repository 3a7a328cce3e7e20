package io.github.rembed.internal.client;

import io.github.rembed.internal.concurrency.LimitSpec;
import java.time.Duration;

/**
 * A multimodal client: a vision model that captions each image and a text client that
 * embeds the caption, with the limits of the concurrent pipeline.
 *
 * @param vision        the captioning side
 * @param embedding     the text-embedding side (any text client: openai, ollama, local)
 * @param maxConcurrent images described at once per endpoint, across all connections (for
 *                      {@code 'auto'}, where the adaptive limit starts)
 * @param timeout       per-request timeout of both sides
 * @param batchSize     captions per embedding request at most
 * @param limit         {@code max_concurrent_requests} as given: a number, or adaptive
 */
public record MultimodalSpec(VisionSpec vision, ClientSpec embedding, int maxConcurrent, Duration timeout,
                             int batchSize, LimitSpec limit) {
    public static final int DEFAULT_MAX_CONCURRENT = 4;
    public static final int DEFAULT_TIMEOUT_SEC = 30;
    public static final int DEFAULT_BATCH_SIZE = 10;
    public static final int MAX_CONCURRENT = TextSpecBuilder.MAX_CONCURRENT;

    public MultimodalSpec {
        if (maxConcurrent < 1 || batchSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (limit == null) {
            limit = LimitSpec.fixed(maxConcurrent);
        }
    }

    /** A fixed limit of {@code maxConcurrent}. */
    public MultimodalSpec(VisionSpec vision, ClientSpec embedding, int maxConcurrent, Duration timeout, int batchSize) {
        this(vision, embedding, maxConcurrent, timeout, batchSize, null);
    }

    /** The same client with another vision instruction. */
    public MultimodalSpec withPrompt(String prompt) {
        return new MultimodalSpec(vision.withPrompt(prompt), embedding, maxConcurrent, timeout, batchSize, limit);
    }

    public String describe() {
        return vision.describe() + " -> " + embedding.describe();
    }
}
