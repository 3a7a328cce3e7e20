package io.github.rembed.pipeline;

import io.github.rembed.RembedException;
import io.github.rembed.client.VisionSpec;
import io.github.rembed.engine.Retrier;
import io.github.rembed.engine.RetryPolicy;
import io.github.rembed.vision.ImageDescriber;
import io.github.rembed.vision.ImageType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * The vision requests of one call: each under the endpoint's shared limit (not held while
 * backing off), retried by {@link Retrier}, timed when it succeeds; nothing new is sent
 * once the call is stopping. A caption over the text size limit fails its item, as any
 * oversized text would.
 */
final class VisionStage implements ImageDescriber {
    private final ImageDescriber model;
    private final Semaphore limit;
    private final RetryPolicy retry;
    private final RunStats stats;
    private final BooleanSupplier stopping;
    private final int maxCaptionBytes;

    VisionStage(ImageDescriber model, Semaphore limit, RetryPolicy retry, RunStats stats, BooleanSupplier stopping,
                int maxCaptionBytes) {
        this.model = model;
        this.limit = limit;
        this.retry = retry;
        this.stats = stats;
        this.stopping = stopping;
        this.maxCaptionBytes = maxCaptionBytes;
    }

    @Override
    public String describe(byte[] image, ImageType type) {
        String caption = Retrier.call(() -> describeOnce(image, type), retry, stats.vision, model.spec().describe());
        int bytes = caption.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxCaptionBytes) {
            throw new RembedException(model.spec().describe() + ": caption of " + bytes + " bytes is larger than the "
                    + maxCaptionBytes + "-byte text limit");
        }
        return caption;
    }

    private String describeOnce(byte[] image, ImageType type) {
        return StageLimits.withPermit(limit, () -> {
            if (stopping.getAsBoolean()) {
                // The permit may be granted just as the call is cancelled: send nothing new then.
                throw new RembedException("cancelled");
            }
            long t0 = System.nanoTime();
            String caption = model.describe(image, type);
            stats.visionSucceeded(System.nanoTime() - t0);
            return caption;
        });
    }

    @Override
    public VisionSpec spec() {
        return model.spec();
    }
}
