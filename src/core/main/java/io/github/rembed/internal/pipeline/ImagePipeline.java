package io.github.rembed.internal.pipeline;

import io.github.rembed.BatchResult;
import io.github.rembed.BatchStats;
import io.github.rembed.ItemResult;
import io.github.rembed.RembedException;
import io.github.rembed.internal.concurrency.EndpointSet;
import io.github.rembed.internal.concurrency.LimitSpec;
import io.github.rembed.internal.embed.TextEmbedder;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.engine.RetryPolicy;
import io.github.rembed.internal.vision.ImageDescriber;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Image to caption to embedding, many images at once. Each image is captioned by the vision
 * model, and the caption (the only text embedded) is sent to the text model in batches of
 * whatever captions are ready, up to the batch size. Work flows through a sliding window:
 * as soon as one image is done, the next one starts, so a slow image holds back nobody.
 * Both stages send to the least-loaded healthy of their servers under limits per endpoint
 * shared by every call and connection of the process, requests are retried by
 * {@code concurrency.LeasedRequest} and {@code concurrency.TextBatches}, and repeated images
 * and captions come from the runtime's cache.
 */
public final class ImagePipeline {
    final ImageDescriber vision;
    final TextEmbedder embedder;
    /** The vision model's servers, each with its process-wide limit and health. */
    final EndpointSet visionEndpoints;
    final LimitSpec limit;
    final int batchSize;
    final RetryPolicy retry;
    final PipelineRuntime runtime;
    /** Longest caption (UTF-8 bytes) sent on to the text model, as any text is held to. */
    final int maxCaptionBytes;

    /** Built by {@link PipelineRuntime}, whose caches it uses. */
    ImagePipeline(ImageDescriber vision, TextEmbedder embedder, EndpointSet visionEndpoints, LimitSpec limit,
                  int batchSize, RetryPolicy retry, PipelineRuntime runtime, int maxCaptionBytes) {
        this.vision = vision;
        this.embedder = embedder;
        this.visionEndpoints = visionEndpoints;
        this.limit = limit;
        this.batchSize = batchSize;
        this.retry = retry;
        this.runtime = runtime;
        this.maxCaptionBytes = maxCaptionBytes;
    }

    /**
     * Most items outstanding at once: pulled from the source but not yet handed to the
     * consumer. Of these, at most {@link #imagesHeld()} still hold their image bytes; the rest
     * are captions waiting for their embedding.
     */
    public int window() {
        return 2 * imagesHeld();
    }

    /**
     * Most images whose bytes are held at once (vision requests in flight or waiting for a
     * slot): the vision requests all servers may have in flight now, plus a batch. With one
     * server and a fixed limit that is {@code max_concurrent_requests + batch_size}; with
     * several it grows with them, and with {@code 'auto'} it follows the adaptive limits.
     */
    public int imagesHeld() {
        return visionEndpoints.capacity() + batchSize;
    }

    /** All items, result {@code i} for item {@code i}. Cancelled items fail with {@code Stage.CANCELLED}. */
    public BatchResult run(List<ImageInput> items, Cancellation cancel) {
        return run(items, cancel, CallStats.Observer.NONE, r -> { });
    }

    /**
     * As {@link #run(List, Cancellation)}, telling {@code observer} of every retry and
     * {@code onEach} of every result as it comes. Items a cancellation kept from starting fail
     * as cancelled too.
     */
    public BatchResult run(List<ImageInput> items, Cancellation cancel, CallStats.Observer observer,
                           Consumer<? super ItemResult> onEach) {
        ItemResult[] out = new ItemResult[items.size()];
        BatchStats stats = stream(items.iterator(), r -> {
            out[r.index()] = r;
            onEach.accept(r);
        }, cancel, observer);
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = ItemErrors.cancelled(i);
            }
        }
        return new BatchResult(Arrays.asList(out), stats);
    }

    /**
     * Pulls items from {@code source} lazily and hands each result to {@code sink} as it
     * completes (on the calling thread, so the sink needs no locking). Blocks until every
     * pulled item has a result. When {@code cancel} fires or the calling thread is interrupted,
     * no more items are pulled, outstanding requests are stopped and their items reported as
     * cancelled; an interrupt stays set on return.
     */
    public BatchStats stream(Iterator<? extends ImageInput> source, Consumer<? super ItemResult> sink,
                             Cancellation cancel) {
        return stream(source, sink, cancel, CallStats.Observer.NONE);
    }

    /** As {@link #stream(Iterator, Consumer, Cancellation)}, telling {@code observer} of every retry as it happens. */
    public BatchStats stream(Iterator<? extends ImageInput> source, Consumer<? super ItemResult> sink,
                             Cancellation cancel, CallStats.Observer observer) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sink, "sink");
        return new PipelineRun(this, Thread.currentThread(), cancel == null ? Cancellation.NEVER : cancel,
                Objects.requireNonNull(observer, "observer")).run(source, sink);
    }

    /** One image; a failure is thrown, naming its stage. */
    public float[] embedOne(ImageInput image, Cancellation cancel) {
        ItemResult r = run(List.of(image), cancel).items().get(0);
        return switch (r) {
            case ItemResult.Embedded e -> e.vector();
            case ItemResult.Failed f -> throw new RembedException(f.stage().id() + ": " + f.error());
        };
    }
}
