package io.github.rembed.internal.embed;

import io.github.rembed.ItemResult;
import io.github.rembed.Stage;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.concurrency.EndpointStatus;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.http.Redactor;
import java.util.ArrayList;
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
     * request fails only its own texts.
     */
    default List<ItemResult> embedEach(List<String> texts, CallStats stats, BooleanSupplier cancelled) {
        List<ItemResult> out = new ArrayList<>(texts.size());
        try {
            List<float[]> vectors = embed(texts, stats, cancelled);
            for (int i = 0; i < vectors.size(); i++) {
                out.add(new ItemResult.Embedded(i, vectors.get(i)));
            }
        } catch (RuntimeException e) {
            String why = Redactor.scrub(e.getMessage());
            for (int i = 0; i < texts.size(); i++) {
                out.add(new ItemResult.Failed(i, Stage.EMBEDDING, why));
            }
        }
        return out;
    }

    /** The model servers this embedder sends to, as they are now; empty for the in-process model. */
    default List<EndpointStatus> endpoints() {
        return List.of();
    }

    ClientSpec spec();
}
