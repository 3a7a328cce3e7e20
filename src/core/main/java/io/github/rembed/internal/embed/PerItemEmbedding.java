package io.github.rembed.internal.embed;

import io.github.rembed.ItemResult;
import io.github.rembed.RembedException;
import io.github.rembed.Stage;
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
    private final TextEmbedder embedder;
    private final Job job;
    private final ItemResult[] out;

    private PerItemEmbedding(TextEmbedder embedder, Job job, int size) {
        this.embedder = embedder;
        this.job = job;
        this.out = new ItemResult[size];
    }

    /**
     * Result {@code i} for text {@code i}. A {@code null} text is skipped (result {@code null})
     * when {@code nullReason} is null, else it fails with that reason.
     */
    public static List<ItemResult> embed(TextEmbedder embedder, List<String> texts, int maxBytes, String nullReason,
                                         Job job) {
        PerItemEmbedding run = new PerItemEmbedding(embedder, job, texts.size());
        List<Integer> pending = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String problem = text == null ? nullReason : TextChecks.problem(text, maxBytes);
            if (text == null && nullReason == null) {
                job.skipped(1);
            } else if (problem != null) {
                run.fail(List.of(i), Stage.INPUT, text == null ? problem : "text " + problem);
            } else {
                pending.add(i);
            }
        }
        int batch = embedder.spec().batchSize();
        for (int from = 0; from < pending.size(); from += batch) {
            List<Integer> chunk = pending.subList(from, Math.min(pending.size(), from + batch));
            if (Thread.currentThread().isInterrupted()) {
                run.fail(pending.subList(from, pending.size()), Stage.CANCELLED, "cancelled before it finished");
                break;
            }
            run.embedChunk(chunk, texts);
        }
        return Arrays.asList(run.out);
    }

    private void embedChunk(List<Integer> chunk, List<String> texts) {
        List<float[]> vectors;
        try {
            vectors = embedder.embed(chunk.stream().map(texts::get).toList(), job.stats());
        } catch (RuntimeException e) {
            boolean cancelled = Thread.currentThread().isInterrupted();
            if (chunk.size() > 1 && !cancelled && RequestFailures.refusedForContent(e)) {
                chunk.forEach(i -> embedChunk(List.of(i), texts));
            } else {
                fail(chunk, cancelled ? Stage.CANCELLED : Stage.EMBEDDING, firstLine(e));
            }
            return;
        }
        for (int j = 0; j < chunk.size(); j++) {
            out[chunk.get(j)] = new ItemResult.Embedded(chunk.get(j), vectors.get(j));
        }
    }

    private void fail(List<Integer> items, Stage stage, String error) {
        for (int i : items) {
            out[i] = new ItemResult.Failed(i, stage, error);
        }
        job.failed(items.size());
    }

    /** Parser errors append multi-line excerpts; the first line says what went wrong. */
    private static String firstLine(Throwable e) {
        String message = Redactor.scrub(e instanceof RembedException ? e.getMessage() : Redactor.describe(e));
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
