package io.github.rembed.internal.embed;

import io.github.rembed.ItemResult;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.concurrency.EndpointStatus;
import io.github.rembed.internal.engine.CallStats;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Turns texts into vectors with one model. Implementations are thread-safe and shared. */
public interface TextEmbedder {
    /**
     * Embeds {@code texts}, result {@code i} for text {@code i}, sending at most
     * {@link ClientSpec#batchSize()} texts per request; the first failure fails the call.
     */
    List<float[]> embed(List<String> texts, CallStats stats);

    /**
     * As {@link #embed(List, CallStats)}, stopping with a "cancelled" error soon after
     * {@code cancelled} says so (it is asked on this thread every few milliseconds).
     */
    default List<float[]> embed(List<String> texts, CallStats stats, BooleanSupplier cancelled) {
        return embed(texts, stats);
    }

    /**
     * A result per text, in input order: its vector, or why its request failed. One failed
     * request fails only its own texts; a batch refused for its content is tried text by text.
     * This default sends one batch at a time; a remote model sends them concurrently.
     */
    default List<ItemResult> embedEach(List<String> texts, CallStats stats, BooleanSupplier cancelled) {
        return PerItemEmbedding.inTurn(this, texts, stats);
    }

    /** The model servers this embedder sends to, as they are now; empty for the in-process model. */
    default List<EndpointStatus> endpoints() {
        return List.of();
    }

    ClientSpec spec();
}
