package io.github.rembed.embed;

import io.github.rembed.client.ClientSpec;
import io.github.rembed.engine.CallStats;
import java.util.List;

/** Turns texts into vectors with one model. Implementations are thread-safe and shared. */
public interface TextEmbedder {
    /**
     * Embeds {@code texts}, result {@code i} for text {@code i}, sending at most
     * {@link ClientSpec#batchSize()} texts per request.
     */
    List<float[]> embed(List<String> texts, CallStats stats);

    ClientSpec spec();
}
