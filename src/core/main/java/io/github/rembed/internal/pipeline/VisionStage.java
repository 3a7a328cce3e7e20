package io.github.rembed.internal.pipeline;

import io.github.rembed.RembedException;
import io.github.rembed.internal.client.VisionSpec;
import io.github.rembed.internal.concurrency.EndpointSet;
import io.github.rembed.internal.concurrency.LeasedRequest;
import io.github.rembed.internal.engine.RetryPolicy;
import io.github.rembed.internal.vision.ImageDescriber;
import io.github.rembed.internal.vision.ImageType;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The vision requests of one call: each attempt on the least-loaded healthy vision endpoint,
 * under its process-wide limit (not held while backing off), retried by {@link LeasedRequest},
 * timed and its tokens counted when it succeeds; nothing new is sent once the call is stopping.
 * A caption over the text size limit fails its item, as any oversized text would.
 */
final class VisionStage implements ImageDescriber {
    private final ImageDescriber model;
    private final EndpointSet endpoints;
    private final RetryPolicy retry;
    private final RunStats stats;
    private final BooleanSupplier stopping;
    private final int maxCaptionBytes;

    VisionStage(ImageDescriber model, EndpointSet endpoints, RetryPolicy retry, RunStats stats,
                BooleanSupplier stopping, int maxCaptionBytes) {
        this.model = model;
        this.endpoints = endpoints;
        this.retry = retry;
        this.stats = stats;
        this.stopping = stopping;
        this.maxCaptionBytes = maxCaptionBytes;
    }

    @Override
    public String describe(byte[] image, ImageType type) {
        String caption = LeasedRequest.send(endpoints, retry, stats.vision, model.spec().describe(), stopping,
                (url, usage) -> {
                    long t0 = System.nanoTime();
                    String described = model.at(url).describe(image, type, usage);
                    stats.visionSucceeded(System.nanoTime() - t0);
                    return described;
                });
        int bytes = caption.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxCaptionBytes) {
            throw new RembedException(model.spec().describe() + ": caption of " + bytes + " bytes is larger than the "
                    + maxCaptionBytes + "-byte text limit");
        }
        return caption;
    }

    @Override
    public VisionSpec spec() {
        return model.spec();
    }
}
