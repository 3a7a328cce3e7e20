package io.github.rembed.internal.embed;

import io.github.rembed.ItemResult;
import io.github.rembed.RembedException;
import io.github.rembed.Stage;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.engine.RequestFailures;
import io.github.rembed.internal.http.Redactor;
import io.github.rembed.internal.jobs.Job;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Embeds texts for a caller that asked for a result per item: an unfit text fails alone
 * without a request, a failed batch fails only its own items, and a batch refused for its
 * content (a 4xx reply) is tried text by text so that only the culprit fails.
 */
public final class PerItemEmbedding {
    private PerItemEmbedding() {
    }

    /**
     * Result {@code i} for text {@code i}. A {@code null} text is skipped (result {@code null})
     * when {@code nullReason} is null, else it fails with that reason. The texts that pass the
     * checks go to {@link TextEmbedder#embedEach} in one call, so a remote model sends their
     * batches concurrently; each failure is counted in {@code job}.
     */
    public static List<ItemResult> embed(TextEmbedder embedder, List<String> texts, int maxBytes, String nullReason,
                                         Job job) {
        ItemResult[] out = new ItemResult[texts.size()];
        List<Integer> pending = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String problem = text == null ? nullReason : TextChecks.problem(text, maxBytes);
            if (text == null && nullReason == null) {
                job.skipped(1);
            } else if (problem != null) {
                out[i] = new ItemResult.Failed(i, Stage.INPUT, text == null ? problem : "text " + problem);
                job.failed(1);
            } else {
                pending.add(i);
            }
        }
        if (!pending.isEmpty()) {
            List<ItemResult> results = embedder.embedEach(pending.stream().map(texts::get).toList(), job.stats(),
                    () -> false);
            for (int k = 0; k < pending.size(); k++) {
                int i = pending.get(k);
                out[i] = switch (results.get(k)) {
                    case ItemResult.Embedded e -> new ItemResult.Embedded(i, e.vector());
                    case ItemResult.Failed f -> new ItemResult.Failed(i, f.stage(), firstLine(f.error()));
                };
                if (out[i] instanceof ItemResult.Failed) {
                    job.failed(1);
                }
            }
        }
        return Arrays.asList(out);
    }

    /**
     * A result per text for a model that sends one batch at a time: batches of the client's
     * size in order, stopping with {@link Stage#CANCELLED} results once the thread is interrupted.
     */
    static List<ItemResult> inTurn(TextEmbedder embedder, List<String> texts, CallStats stats) {
        ItemResult[] out = new ItemResult[texts.size()];
        int batch = embedder.spec().batchSize();
        for (int from = 0; from < texts.size(); from += batch) {
            int to = Math.min(texts.size(), from + batch);
            if (Thread.currentThread().isInterrupted()) {
                fill(out, from, texts.size(), Stage.CANCELLED, "cancelled before it finished");
                break;
            }
            embedChunk(embedder, texts, from, to, stats, out);
        }
        return Arrays.asList(out);
    }

    private static void embedChunk(TextEmbedder embedder, List<String> texts, int from, int to, CallStats stats,
                                   ItemResult[] out) {
        List<float[]> vectors;
        try {
            vectors = embedder.embed(texts.subList(from, to), stats);
        } catch (RuntimeException e) {
            boolean cancelled = Thread.currentThread().isInterrupted();
            if (to - from > 1 && !cancelled && RequestFailures.refusedForContent(e)) {
                for (int i = from; i < to; i++) {
                    embedChunk(embedder, texts, i, i + 1, stats, out);
                }
            } else {
                fill(out, from, to, cancelled ? Stage.CANCELLED : Stage.EMBEDDING, firstLine(e));
            }
            return;
        }
        for (int i = from; i < to; i++) {
            out[i] = new ItemResult.Embedded(i, vectors.get(i - from));
        }
    }

    private static void fill(ItemResult[] out, int from, int to, Stage stage, String error) {
        for (int i = from; i < to; i++) {
            out[i] = new ItemResult.Failed(i, stage, error);
        }
    }

    /** Parser errors append multi-line excerpts; the first line says what went wrong. */
    private static String firstLine(Throwable e) {
        return firstLine(Redactor.scrub(e instanceof RembedException ? e.getMessage() : Redactor.describe(e)));
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
