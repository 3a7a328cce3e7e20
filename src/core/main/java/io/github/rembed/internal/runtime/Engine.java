package io.github.rembed.internal.runtime;

import io.github.rembed.RembedException;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.client.MultimodalSpec;
import io.github.rembed.internal.concurrency.EndpointRegistry;
import io.github.rembed.internal.embed.TextEmbedder;
import io.github.rembed.internal.embed.TextEmbedders;
import io.github.rembed.internal.engine.RetryPolicy;
import io.github.rembed.internal.http.ProviderHttp;
import io.github.rembed.internal.jobs.Jobs;
import io.github.rembed.internal.pipeline.ImagePipeline;
import io.github.rembed.internal.pipeline.PipelineRuntime;
import io.github.rembed.internal.vision.VisionModels;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything the calls of one runtime share: the HTTP client and its threads, the servers
 * with their limits and health, the embedders and describers built from client settings,
 * the pipeline caches, and the running jobs. Each piece is made here and handed to the parts
 * that use it; nothing below reaches for a global.
 */
public final class Engine implements AutoCloseable {
    private final ProviderHttp http = new ProviderHttp();
    private final EndpointRegistry endpoints;
    /** Worker tasks of this runtime's calls running right now, text and image alike. */
    private final AtomicInteger liveWorkers = new AtomicInteger();
    private final TextEmbedders embedders;
    private final VisionModels describers;
    private final PipelineRuntime pipelines;
    private final Jobs jobs = new Jobs();

    /**
     * @param maxClients          embedders and describers kept, each; servers kept beyond those in use
     * @param captionCacheBytes   bytes of captions the image pipelines keep
     * @param embeddingCacheBytes bytes of caption embeddings the image pipelines keep
     */
    public Engine(int maxClients, long captionCacheBytes, long embeddingCacheBytes) {
        this.endpoints = new EndpointRegistry(maxClients);
        this.embedders = new TextEmbedders(http, endpoints, liveWorkers, maxClients);
        this.describers = new VisionModels(http, maxClients);
        this.pipelines = new PipelineRuntime(endpoints, liveWorkers, captionCacheBytes, embeddingCacheBytes);
    }

    /** The embedder of a text client, sending {@code inputType} when not null. */
    public TextEmbedder embedder(ClientSpec spec, String inputType) {
        checkOpen();
        return embedders.forSpec(spec, inputType);
    }

    public TextEmbedder embedder(ClientSpec spec) {
        return embedder(spec, null);
    }

    /** The image pipeline of a multimodal client; captions are held to {@code maxCaptionBytes}. */
    public ImagePipeline pipeline(MultimodalSpec spec, int maxCaptionBytes) {
        checkOpen();
        return pipelines.pipeline(describers.forSpec(spec.vision()), embedders.forSpec(spec.embedding()),
                spec.limit(), spec.batchSize(), RetryPolicy.DEFAULT, maxCaptionBytes);
    }

    public PipelineRuntime pipelines() {
        return pipelines;
    }

    public Jobs jobs() {
        return jobs;
    }

    /** Every server in use with its limit and health, for {@code rembed_debug()}. */
    public List<String> describeEndpoints() {
        return endpoints.describe();
    }

    /** Worker tasks of this runtime's calls running right now. */
    public int liveWorkers() {
        return liveWorkers.get();
    }

    /** Builds the HTTP client ahead of the first request (it sets up TLS). */
    public void prepareHttp() {
        http.prepare();
    }

    /** Throws when the runtime is closed, so that every call through it refuses alike. */
    public void checkOpen() {
        if (http.isClosed()) {
            throw new RembedException("this rembed runtime is closed");
        }
    }

    /** Stops the HTTP threads (requests in flight fail) and empties the caches. */
    @Override
    public void close() {
        http.close();
        pipelines.clearCaches();
    }
}
