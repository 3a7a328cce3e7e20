package io.github.rembed.internal.pipeline;

import io.github.rembed.RembedConfig;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.client.MultimodalSpec;
import io.github.rembed.internal.client.Provider;
import io.github.rembed.internal.client.VisionSpec;
import io.github.rembed.internal.concurrency.EndpointSet;
import io.github.rembed.internal.concurrency.LimitSpec;
import io.github.rembed.internal.embed.TextEmbedder;
import io.github.rembed.internal.embed.TextEmbedders;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.engine.RetryPolicy;
import io.github.rembed.internal.vision.ImageDescriber;
import io.github.rembed.internal.vision.ImageType;
import io.github.rembed.internal.vision.VisionModels;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What image pipelines share across calls and connections: the caption and embedding
 * caches and the count of worker tasks running. The SQL functions and {@code ImageClient}
 * use {@link #shared()}; a separate instance shares no cache with it. (Limits and endpoint
 * health are process-wide, in {@code concurrency.EndpointSet}.)
 */
public final class PipelineRuntime {
    private static final PipelineRuntime SHARED = new PipelineRuntime(PipelineCaches.DEFAULT_CAPTION_BYTES,
            PipelineCaches.DEFAULT_EMBEDDING_BYTES);

    final PipelineCaches caches;
    /** Worker tasks running right now; zero whenever no call is in progress. */
    final AtomicInteger liveWorkers = new AtomicInteger();

    PipelineRuntime(long captionCacheBytes, long embeddingCacheBytes) {
        this.caches = new PipelineCaches(captionCacheBytes, embeddingCacheBytes);
    }

    /** The process-wide instance (16 MiB of captions, 64 MiB of embeddings). */
    public static PipelineRuntime shared() {
        return SHARED;
    }

    /**
     * The pipeline of one multimodal client, with this runtime's caches.
     *
     * @param maxCaptionBytes the text size limit captions are held to
     */
    public ImagePipeline pipeline(MultimodalSpec spec, int maxCaptionBytes) {
        return pipeline(VisionModels.forSpec(spec.vision()), TextEmbedders.forSpec(spec.embedding()), spec.limit(),
                spec.batchSize(), RetryPolicy.DEFAULT, maxCaptionBytes);
    }

    /** A pipeline over {@code vision}'s servers ({@code vision.spec().baseUrls()}), each under {@code limit}. */
    ImagePipeline pipeline(ImageDescriber vision, TextEmbedder embedder, LimitSpec limit, int batchSize,
                           RetryPolicy retry, int maxCaptionBytes) {
        EndpointSet endpoints = EndpointSet.shared(vision.spec().provider().id() + " vision",
                vision.spec().baseUrls(), limit);
        return new ImagePipeline(vision, embedder, endpoints, limit, batchSize, retry, this, maxCaptionBytes);
    }

    ImagePipeline pipeline(ImageDescriber vision, TextEmbedder embedder, int maxConcurrent, int batchSize,
                           RetryPolicy retry) {
        return pipeline(vision, embedder, LimitSpec.fixed(maxConcurrent), batchSize, retry,
                RembedConfig.DEFAULT_MAX_TEXT_BYTES);
    }

    /**
     * Runs a few images through a pipeline of in-memory models on a runtime of its own, so that
     * the pipeline's classes and threads are ready before a first call needs them. Touches
     * nothing shared: no cache, limit or endpoint of the process.
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
        PipelineRuntime own = new PipelineRuntime(1 << 16, 1 << 16);
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

    /** Most bytes the caption and embedding caches may hold together. */
    public long cacheCapacityBytes() {
        return caches.bound();
    }

    /** Empties both caches: the next repeated image or caption costs a request again. */
    public void clearCaches() {
        caches.clear();
    }

    int liveWorkers() {
        return liveWorkers.get();
    }
}
