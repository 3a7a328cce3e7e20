package io.github.rembed.internal.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rembed.ItemResult;
import io.github.rembed.Progress;
import io.github.rembed.internal.embed.Vectors;
import java.util.List;

/**
 * What {@code rembed_batch(client, texts, '{"per_item_errors":true}')} returns, shaped like
 * {@code rembed_images_concurrent}'s result: {@code embeddings} in input order (null for a
 * skipped or failed item), {@code errors} with each failed item's index, stage and message,
 * and {@code stats}.
 */
final class TextBatchJson {
    private TextBatchJson() {
    }

    static String render(List<ItemResult> results, Progress progress) {
        ObjectNode out = JsonArrays.JSON.createObjectNode();
        ArrayNode embeddings = out.putArray("embeddings");
        ArrayNode errors = out.putArray("errors");
        for (ItemResult r : results) {
            switch (r) {
                case null -> embeddings.addNull();
                case ItemResult.Embedded e -> embeddings.add(Vectors.toBase64(e.vector()));
                case ItemResult.Failed f -> {
                    embeddings.addNull();
                    errors.addObject().put("index", f.index()).put("stage", f.stage().id()).put("error", f.error());
                }
            }
        }
        out.putObject("stats")
                .put("total_processed", progress.total())
                .put("successful", progress.done())
                .put("failed", progress.failed())
                .put("skipped", progress.skipped())
                .put("retries", progress.retries())
                .put("total_duration_ms", progress.elapsed().toMillis());
        return out.toString();
    }
}
