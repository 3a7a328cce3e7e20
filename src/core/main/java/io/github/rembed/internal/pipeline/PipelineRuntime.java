package io.github.rembed.internal.pipeline;

import io.github.rembed.RembedConfig;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.client.Provider;
import io.github.rembed.internal.client.VisionSpec;
import io.github.rembed.internal.concurrency.EndpointRegistry;
import io.github.rembed.internal.concurrency.EndpointSet;
import io.github.rembed.internal.concurrency.LimitSpec;
import io.github.rembed.internal.embed.TextEmbedder;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.engine.RetryPolicy;
import io.github.rembed.internal.vision.ImageDescriber;
import io.github.rembed.internal.vision.ImageType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the image pipelines of one runtime share across calls and connections: the caption
 * and embedding caches, the servers' limits and health, and the count of worker tasks
 * running. A separate instance shares none of them.
 */
public final class PipelineRuntime {
    final PipelineCaches caches;
    private final EndpointRegistry endpoints;
    /** Worker tasks running right now; zero whenever no call is in progress. */
    final AtomicInteger liveWorkers;

    public PipelineRuntime(EndpointRegistry endpoints, AtomicInteger liveWorkers, long captionCacheBytes,
                           long embeddingCacheBytes) {
        this.caches = new PipelineCaches(captionCacheBytes, embeddingCacheBytes);
        this.endpoints = endpoints;
        this.liveWorkers = liveWorkers;
    }

    /** A runtime of its own (its own servers, caches and count), for pipelines over given models. */
    PipelineRuntime(long captionCacheBytes, long embeddingCacheBytes) {
        this(new EndpointRegistry(16), new AtomicInteger(), captionCacheBytes, embeddingCacheBytes);
    }

    /**
     * A pipeline over {@code vision}'s servers ({@code vision.spec().baseUrls()}), each under {@code limit}.
     *
     * @param maxCaptionBytes the text size limit captions are held to
     */
    public ImagePipeline pipeline(ImageDescriber vision, TextEmbedder embedder, LimitSpec limit, int batchSize,
                                  RetryPolicy retry, int maxCaptionBytes) {
        EndpointSet set = endpoints.set(vision.spec().provider().id() + " vision", vision.spec().baseUrls(), limit);
        return new ImagePipeline(vision, embedder, set, limit, batchSize, retry, this, maxCaptionBytes);
    }

    ImagePipeline pipeline(ImageDescriber vision, TextEmbedder embedder, int maxConcurrent, int batchSize,
                           RetryPolicy retry) {
        return pipeline(vision, embedder, LimitSpec.fixed(maxConcurrent), batchSize, retry,
                RembedConfig.DEFAULT_MAX_TEXT_BYTES);
    }

    /**
     * Runs a few images through a pipeline of in-memory models on a runtime of its own, so that
     * the pipeline's classes and threads are ready before a first call needs them. Touches
     * nothing shared: no cache, limit or endpoint of any runtime.
     */
    public static void warmUp() {
        VisionSpec spec = new VisionSpec(Provider.OLLAMA, "warm-up", "http://warm-up.invalid", null, null,
                VisionSpec.DEFAULT_PROMPT, Duration.ofSeconds(5));
        ImageDescriber vision = new ImageDescriber() {
            @Override
            public String describe(byte[] image, ImageType type) {
                return "caption " + image.length;
            }

            @Override
            public VisionSpec spec() {
                return spec;
            }
        };
        ClientSpec text = new ClientSpec(Provider.OLLAMA, "warm-up", "http://warm-up.invalid/api/embed", null, null, 10,
                Duration.ofSeconds(5));
        TextEmbedder embedder = new TextEmbedder() {
            @Override
            public List<float[]> embed(List<String> texts, CallStats stats) {
                return texts.stream().map(t -> new float[] {t.length()}).toList();
            }

            @Override
            public ClientSpec spec() {
                return text;
            }
        };
        PipelineRuntime own = new PipelineRuntime(1 << 16, 1 << 16); // touches nothing of any other runtime
        ImagePipeline pipeline = new ImagePipeline(vision, embedder,
                EndpointSet.unshared("warm-up vision", spec.baseUrls(), LimitSpec.fixed(2)), LimitSpec.fixed(2), 2,
                RetryPolicy.NONE, own, RembedConfig.DEFAULT_MAX_TEXT_BYTES);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1};
        pipeline.run(List.of(ImageInput.of(png), ImageInput.of(png.clone()), ImageInput.of(new byte[] {1})),
                Cancellation.NEVER);
    }

    /** Bytes the caption and embedding caches hold now, by their own estimate. */
    public long cachedBytes() {
        return caches.weight();
    }

    /** Empties both caches: the next repeated image or caption costs a request again. */
    public void clearCaches() {
        caches.clear();
    }

    /** Worker tasks running right now. */
    int liveWorkers() {
        return liveWorkers.get();
    }
}
