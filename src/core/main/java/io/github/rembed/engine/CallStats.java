package io.github.rembed.engine;

import java.util.concurrent.atomic.AtomicLong;

/** Counters for one SQL call or one Java API call; safe to update from many threads. */
public final class CallStats {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();

    public void request() {
        requests.incrementAndGet();
    }

    public void retry() {
        retries.incrementAndGet();
    }

    public void cacheHit() {
        cacheHits.incrementAndGet();
    }

    /** Tokens a reply says the provider counted (input: the texts or prompt and image; output: a caption). */
    public void tokens(long input, long output) {
        inputTokens.addAndGet(Math.max(0, input));
        outputTokens.addAndGet(Math.max(0, output));
    }

    public long inputTokens() {
        return inputTokens.get();
    }

    public long outputTokens() {
        return outputTokens.get();
    }

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    public long cacheHits() {
        return cacheHits.get();
    }
}
