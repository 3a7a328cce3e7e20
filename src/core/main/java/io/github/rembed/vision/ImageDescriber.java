package io.github.rembed.vision;

import io.github.rembed.client.VisionSpec;

/** Captions one image with one vision model. Implementations are thread-safe and shared. */
public interface ImageDescriber {
    /**
     * One request, no retry (retries belong to {@code engine.Retrier}).
     *
     * @return the caption, trimmed and non-empty
     */
    String describe(byte[] image, ImageType type);

    VisionSpec spec();
}
