package io.github.rembed.internal.concurrency;

import io.github.rembed.ItemResult;
import io.github.rembed.RembedException;
import io.github.rembed.Stage;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.engine.RequestFailures;
import io.github.rembed.internal.engine.RetryPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Embeds many texts as concurrent batch requests over an {@link EndpointSet}: the texts are
 * cut into batches of {@link #batchSize(int)}, every batch is sent as soon as an endpoint has
 * room, and the vectors come back in input order, whichever endpoint served which batch.
 *
 * <p>Each request is one attempt of {@link BatchCall}; retrying is done here, so that every
 * attempt is counted by the endpoint's limit and health: a batch that failed for the server's
 * sake (429, 5xx, timeout, refused connection) goes at once to an endpoint it has not failed
 * on, if one is open, else waits ({@code Retry-After}, or exponential backoff) and tries again,
 * up to the policy's attempts plus one per further endpoint. A server that cannot be reached
 * (refused or dropped connection) is not tried again itself, only another endpoint is. A batch
 * refused for its content (another 4xx, a malformed reply) is not tried again.
 *
 * <p>The calling thread waits, asks the cancellation check every few milliseconds and honours
 * interruption; on cancellation, or on the first failure of {@link #embedAll}, requests in
 * flight are interrupted and the call returns only once its worker threads have ended.
 *
 * <pre>{@code
 * List<float[]> vectors = TextBatches.over(endpoints, (url, batch, usage) -> embedOnce(url, batch, usage))
 *         .batchSize(64).describedAs("client 'docs'").embedAll(texts);
 * }</pre>
 */
public final class TextBatches {
    /** One request: embeds {@code texts} on the endpoint at {@code baseUrl}, vector i for text i. */
    @FunctionalInterface
    public interface BatchCall {
        /**
         * Makes one attempt, without retrying. May add the reply's token counts to
         * {@code usage}. Thrown exceptions are read for their HTTP status or I/O cause.
         */
        List<float[]> embed(String baseUrl, List<String> texts, TokenUsage usage) throws Exception;
    }

    private final EndpointSet endpoints;
    private final BatchCall call;
    private final int batchSize;
    private final RetryPolicy retry;
    private final String what;
    private final TokenUsage usage;
    private final BooleanSupplier cancelled;
    private final CallStats stats;
    private final AtomicInteger liveWorkers;

    private TextBatches(EndpointSet endpoints, BatchCall call, int batchSize, RetryPolicy retry, String what,
                        TokenUsage usage, BooleanSupplier cancelled, CallStats stats, AtomicInteger liveWorkers) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.call = Objects.requireNonNull(call, "call");
        this.batchSize = batchSize;
        this.retry = Objects.requireNonNull(retry, "retry");
        this.what = Objects.requireNonNull(what, "what");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.liveWorkers = Objects.requireNonNull(liveWorkers, "liveWorkers");
    }

    /** Batches of 64, {@link RetryPolicy#DEFAULT}, no cancellation check, usage counted in a fresh {@link TokenUsage}. */
    public static TextBatches over(EndpointSet endpoints, BatchCall call) {
        return new TextBatches(endpoints, call, 64, RetryPolicy.DEFAULT, endpoints.stage(), new TokenUsage(),
                () -> false, new CallStats(), new AtomicInteger());
    }

    public TextBatches batchSize(int n) {
        if (n < 1) {
            throw new RembedException(what + ": batch_size must be at least 1, got " + n);
        }
        return new TextBatches(endpoints, call, n, retry, what, usage, cancelled, stats, liveWorkers);
    }

    public TextBatches retry(RetryPolicy policy) {
        return new TextBatches(endpoints, call, batchSize, policy, what, usage, cancelled, stats, liveWorkers);
    }

    /** How errors name the caller, for example {@code "client 'docs' (openai text-embedding-3-small)"}. */
    public TextBatches describedAs(String description) {
        return new TextBatches(endpoints, call, batchSize, retry, description, usage, cancelled, stats, liveWorkers);
    }

    /** Where the batches' token counts are summed. */
    public TextBatches usage(TokenUsage sink) {
        return new TextBatches(endpoints, call, batchSize, retry, what, sink, cancelled, stats, liveWorkers);
    }

    /** Asked on the calling thread every few milliseconds; true stops the call. */
    public TextBatches cancellation(BooleanSupplier check) {
        return new TextBatches(endpoints, call, batchSize, retry, what, usage, check, stats, liveWorkers);
    }

    /** Where each attempt is counted as a request (a retry also as a retry), with its tokens. */
    public TextBatches stats(CallStats sink) {
        return new TextBatches(endpoints, call, batchSize, retry, what, usage, cancelled, sink, liveWorkers);
    }

    /** Where the call's worker tasks are counted while they run. */
    public TextBatches liveWorkers(AtomicInteger counter) {
        return new TextBatches(endpoints, call, batchSize, retry, what, usage, cancelled, stats, counter);
    }

    /**
     * Vector i for text i (no text may be null), or an exception: the first failed batch stops
     * the others.
     *
     * @throws RembedException naming the caller and the cause, or saying the call was cancelled
     */
    public List<float[]> embedAll(List<String> texts) {
        BatchRun run = run(texts, true);
        if (run.cancelled) {
            throw new RembedException(what + ": cancelled");
        }
        if (run.firstFailure != null) {
            throw new RembedException(run.firstFailureMessage, run.firstFailure);
        }
        return Arrays.asList(run.vectors);
    }

    /**
     * A result per text, in input order: its vector, or why its batch failed (stage
     * {@link Stage#EMBEDDING}) or that the call was cancelled first ({@link Stage#CANCELLED}).
     * One failed batch does not stop the others, and a batch of several texts refused for its
     * content (a 4xx reply that is not about the key, the rate or the server) is sent again
     * text by text, concurrently, so that only the texts the server refuses fail.
     */
    public List<ItemResult> embedEach(List<String> texts) {
        BatchRun run = run(texts, false);
        List<ItemResult> out = results(run);
        List<Integer> again = new ArrayList<>();
        for (int b = 0; b < run.batches(); b++) {
            if (run.to(b) - run.from(b) > 1 && run.batchCauses[b] != null && !run.cancelled
                    && RequestFailures.refusedForContent(run.batchCauses[b])) {
                for (int i = run.from(b); i < run.to(b); i++) {
                    again.add(i);
                }
            }
        }
        if (!again.isEmpty()) {
            List<ItemResult> singles = batchSize(1).embedEach(again.stream().map(texts::get).toList());
            for (int k = 0; k < again.size(); k++) {
                out.set(again.get(k), at(again.get(k), singles.get(k)));
            }
        }
        return out;
    }

    /** {@code result} as the result of item {@code index}. */
    private static ItemResult at(int index, ItemResult result) {
        return switch (result) {
            case ItemResult.Embedded e -> new ItemResult.Embedded(index, e.vector());
            case ItemResult.Failed f -> new ItemResult.Failed(index, f.stage(), f.error());
        };
    }

    private static List<ItemResult> results(BatchRun run) {
        List<ItemResult> out = new ArrayList<>(run.vectors.length);
        for (int b = 0; b < run.batches(); b++) {
            for (int i = run.from(b); i < run.to(b); i++) {
                if (run.vectors[i] != null) {
                    out.add(new ItemResult.Embedded(i, run.vectors[i]));
                } else if (run.batchErrors[b] != null) {
                    out.add(new ItemResult.Failed(i, Stage.EMBEDDING, run.batchErrors[b]));
                } else {
                    out.add(new ItemResult.Failed(i, Stage.CANCELLED, "cancelled before it finished"));
                }
            }
        }
        return out;
    }

    private BatchRun run(List<String> texts, boolean failFast) {
        Objects.requireNonNull(texts, "texts");
        BatchRun run = new BatchRun(this, List.copyOf(texts), failFast);
        if (!texts.isEmpty()) {
            run.run();
        }
        return run;
    }

    EndpointSet endpoints() {
        return endpoints;
    }

    BatchCall call() {
        return call;
    }

    AtomicInteger liveWorkers() {
        return liveWorkers;
    }

    int batchSize() {
        return batchSize;
    }

    RetryPolicy retry() {
        return retry;
    }

    String what() {
        return what;
    }

    TokenUsage usage() {
        return usage;
    }

    BooleanSupplier cancelled() {
        return cancelled;
    }

    CallStats stats() {
        return stats;
    }
}
