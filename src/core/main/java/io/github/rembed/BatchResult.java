package io.github.rembed;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a batch: one {@link ItemResult} per input, in input order, and the stats.
 *
 * @param items one result per input, in input order
 * @param stats the call's counters
 */
public record BatchResult(List<ItemResult> items, BatchStats stats) {
    /**
     * A result holding an unmodifiable copy of {@code items}.
     *
     * @param items one result per input, in input order
     * @param stats the call's counters
     */
    public BatchResult {
        items = List.copyOf(items);
    }

    /**
     * The embeddings by input position.
     *
     * @return embedding {@code i} for input {@code i}, {@code null} where the item failed
     */
    public List<float[]> embeddings() {
        List<float[]> out = new ArrayList<>(items.size());
        for (ItemResult r : items) {
            out.add(r instanceof ItemResult.Embedded e ? e.vector() : null);
        }
        return out;
    }

    /**
     * The failures.
     *
     * @return the failed items, in input order
     */
    public List<ItemResult.Failed> errors() {
        List<ItemResult.Failed> out = new ArrayList<>();
        for (ItemResult r : items) {
            if (r instanceof ItemResult.Failed f) {
                out.add(f);
            }
        }
        return out;
    }
}
