package io.github.rembed.pipeline;

import io.github.rembed.client.VisionSpec;
import io.github.rembed.concurrency.EndpointSet;
import io.github.rembed.concurrency.LeasedRequest;
import io.github.rembed.engine.RetryPolicy;
import io.github.rembed.vision.ImageDescriber;
import io.github.rembed.vision.ImageType;
import java.util.function.BooleanSupplier;

/**
 * The vision requests of one call: each attempt on the least-loaded healthy vision endpoint,
 * under its process-wide limit (not held while backing off), retried by {@link LeasedRequest},
 * timed and its tokens counted when it succeeds; nothing new is sent once the call is stopping.
 */
final class VisionStage implements ImageDescriber {
    private final ImageDescriber model;
    private final EndpointSet endpoints;
    private final RetryPolicy retry;
    private final RunStats stats;
    private final BooleanSupplier stopping;

    VisionStage(ImageDescriber model, EndpointSet endpoints, RetryPolicy retry, RunStats stats,
                BooleanSupplier stopping) {
        this.model = model;
        this.endpoints = endpoints;
        this.retry = retry;
        this.stats = stats;
        this.stopping = stopping;
    }

    @Override
    public String describe(byte[] image, ImageType type) {
        return LeasedRequest.send(endpoints, retry, stats.vision, model.spec().describe(), stopping, (url, usage) -> {
            long t0 = System.nanoTime();
            String caption = model.at(url).describe(image, type, usage);
            stats.visionSucceeded(System.nanoTime() - t0);
            return caption;
        });
    }

    @Override
    public VisionSpec spec() {
        return model.spec();
    }
}
