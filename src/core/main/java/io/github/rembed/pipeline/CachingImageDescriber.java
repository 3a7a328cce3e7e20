package io.github.rembed.pipeline;

import io.github.rembed.client.VisionSpec;
import io.github.rembed.engine.CallStats;
import io.github.rembed.vision.ImageDescriber;
import io.github.rembed.vision.ImageType;

/**
 * A describer that asks the caption cache first: a repeated image costs no request (and
 * waits for no request slot); each hit is counted in {@code hits}.
 */
final class CachingImageDescriber implements ImageDescriber {
    private final ImageDescriber inner;
    private final PipelineCaches caches;
    private final CallStats hits;

    CachingImageDescriber(ImageDescriber inner, PipelineCaches caches, CallStats hits) {
        this.inner = inner;
        this.caches = caches;
        this.hits = hits;
    }

    @Override
    public String describe(byte[] image, ImageType type) {
        PipelineCaches.CaptionKey key = PipelineCaches.CaptionKey.of(inner.spec(), image);
        String cached = caches.caption(key);
        if (cached != null) {
            hits.cacheHit();
            return cached;
        }
        String caption = inner.describe(image, type);
        caches.putCaption(key, caption);
        return caption;
    }

    @Override
    public VisionSpec spec() {
        return inner.spec();
    }
}
