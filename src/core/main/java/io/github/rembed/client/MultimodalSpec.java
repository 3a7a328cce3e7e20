package io.github.rembed.client;

import java.time.Duration;

/**
 * A multimodal client: a vision model that captions each image and a text client that
 * embeds the caption, with the limits of the concurrent pipeline.
 *
 * @param vision        the captioning side
 * @param embedding     the text-embedding side (any text client: openai, ollama, local)
 * @param maxConcurrent images described at once, per endpoint, across all connections
 * @param timeout       per-request timeout of both sides
 * @param batchSize     captions per embedding request at most
 */
public record MultimodalSpec(VisionSpec vision, ClientSpec embedding, int maxConcurrent, Duration timeout,
                             int batchSize) {
    public static final int DEFAULT_MAX_CONCURRENT = 4;
    public static final int DEFAULT_TIMEOUT_SEC = 30;
    public static final int DEFAULT_BATCH_SIZE = 10;
    public static final int MAX_CONCURRENT = 256;

    public MultimodalSpec {
        if (maxConcurrent < 1 || batchSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The same client with another vision instruction. */
    public MultimodalSpec withPrompt(String prompt) {
        return new MultimodalSpec(vision.withPrompt(prompt), embedding, maxConcurrent, timeout, batchSize);
    }

    public String describe() {
        return vision.describe() + " -> " + embedding.describe();
    }
}
