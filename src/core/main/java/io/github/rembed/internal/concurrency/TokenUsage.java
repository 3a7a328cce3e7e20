package io.github.rembed.internal.concurrency;

import java.util.concurrent.atomic.LongAdder;

/** Tokens counted by the provider over many requests, summed from any thread. */
public final class TokenUsage {
    private final LongAdder input = new LongAdder();
    private final LongAdder output = new LongAdder();
    private final LongAdder replies = new LongAdder();
    private final TokenUsage[] alsoInto;

    public TokenUsage() {
        this.alsoInto = new TokenUsage[0];
    }

    /** Counts that are also added to each of {@code alsoInto}: one request's usage, summed per call and per endpoint. */
    public TokenUsage(TokenUsage... alsoInto) {
        this.alsoInto = alsoInto.clone();
    }

    /** Adds one reply's counts; a count the provider did not send is 0. */
    public void add(long inputTokens, long outputTokens) {
        input.add(Math.max(0, inputTokens));
        output.add(Math.max(0, outputTokens));
        replies.increment();
        for (TokenUsage other : alsoInto) {
            other.add(inputTokens, outputTokens);
        }
    }

    public long inputTokens() {
        return input.sum();
    }

    public long outputTokens() {
        return output.sum();
    }

    public long totalTokens() {
        return inputTokens() + outputTokens();
    }

    /** Replies counted, whether or not they carried counts. */
    public long replies() {
        return replies.sum();
    }

    @Override
    public String toString() {
        return inputTokens() + " input + " + outputTokens() + " output tokens in " + replies() + " replies";
    }
}
