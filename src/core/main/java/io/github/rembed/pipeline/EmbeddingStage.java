package io.github.rembed.pipeline;

import io.github.rembed.client.ClientSpec;
import io.github.rembed.embed.TextEmbedder;
import io.github.rembed.engine.CallStats;
import java.util.List;
import java.util.concurrent.Semaphore;

/** The embedding requests of one call: each under the endpoint's shared limit, counted. */
final class EmbeddingStage implements TextEmbedder {
    private final TextEmbedder model;
    private final Semaphore limit;
    private final RunStats stats;

    EmbeddingStage(TextEmbedder model, Semaphore limit, RunStats stats) {
        this.model = model;
        this.limit = limit;
        this.stats = stats;
    }

    @Override
    public List<float[]> embed(List<String> texts, CallStats callStats) {
        return StageLimits.withPermit(limit, () -> {
            stats.embeddingCall();
            List<float[]> vectors = model.embed(texts, callStats);
            stats.embedded(texts.size());
            return vectors;
        });
    }

    @Override
    public ClientSpec spec() {
        return model.spec();
    }
}
