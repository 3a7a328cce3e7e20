package io.github.rembed.pipeline;

import io.github.rembed.client.MultimodalSpec;
import io.github.rembed.concurrency.EndpointSet;
import io.github.rembed.concurrency.LimitSpec;
import io.github.rembed.embed.TextEmbedder;
import io.github.rembed.embed.TextEmbedders;
import io.github.rembed.engine.RetryPolicy;
import io.github.rembed.vision.ImageDescriber;
import io.github.rembed.vision.VisionModels;
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

    /** The pipeline of one multimodal client, with this runtime's caches. */
    public ImagePipeline pipeline(MultimodalSpec spec) {
        return pipeline(VisionModels.forSpec(spec.vision()), TextEmbedders.forSpec(spec.embedding()), spec.limit(),
                spec.batchSize(), RetryPolicy.DEFAULT);
    }

    /** A pipeline over {@code vision}'s servers ({@code vision.spec().baseUrls()}), each under {@code limit}. */
    ImagePipeline pipeline(ImageDescriber vision, TextEmbedder embedder, LimitSpec limit, int batchSize,
                           RetryPolicy retry) {
        EndpointSet endpoints = EndpointSet.shared(vision.spec().provider().id() + " vision",
                vision.spec().baseUrls(), limit);
        return new ImagePipeline(vision, embedder, endpoints, limit, batchSize, retry, this);
    }

    ImagePipeline pipeline(ImageDescriber vision, TextEmbedder embedder, int maxConcurrent, int batchSize,
                           RetryPolicy retry) {
        return pipeline(vision, embedder, LimitSpec.fixed(maxConcurrent), batchSize, retry);
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
