package io.github.rembed.internal.vision;

import io.github.rembed.internal.client.VisionSpec;
import io.github.rembed.internal.concurrency.TokenUsage;

/** Captions one image with one vision model. Implementations are thread-safe and shared. */
public interface ImageDescriber {
    /**
     * One request, no retry (retries belong to {@code concurrency.LeasedRequest}).
     *
     * @return the caption, trimmed and non-empty
     */
    String describe(byte[] image, ImageType type);

    /** As {@link #describe(byte[], ImageType)}, adding the tokens the reply counts to {@code usage}. */
    default String describe(byte[] image, ImageType type, TokenUsage usage) {
        return describe(image, type);
    }

    /** The same model on its server {@code baseUrl}, one of {@link VisionSpec#baseUrls()}. */
    default ImageDescriber at(String baseUrl) {
        return this;
    }

    VisionSpec spec();
}
