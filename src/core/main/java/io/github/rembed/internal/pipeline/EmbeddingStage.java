package io.github.rembed.internal.pipeline;

import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.concurrency.EndpointStatus;
import io.github.rembed.internal.embed.TextEmbedder;
import io.github.rembed.internal.engine.CallStats;
import java.util.List;

/**
 * The embedding requests of one call, counted. Limits, endpoints and retries are the
 * embedder's own: a remote model sends each batch under its endpoints' process-wide limits,
 * shared with every text client of the same servers.
 */
final class EmbeddingStage implements TextEmbedder {
    private final TextEmbedder model;
    private final RunStats stats;

    EmbeddingStage(TextEmbedder model, RunStats stats) {
        this.model = model;
        this.stats = stats;
    }

    @Override
    public List<float[]> embed(List<String> texts, CallStats callStats) {
        stats.embeddingCall();
        List<float[]> vectors = model.embed(texts, callStats);
        stats.embedded(texts.size());
        return vectors;
    }

    @Override
    public List<EndpointStatus> endpoints() {
        return model.endpoints();
    }

    @Override
    public ClientSpec spec() {
        return model.spec();
    }
}
