package io.github.rembed.engine;

import java.util.concurrent.atomic.AtomicLong;

/** Counters for one SQL call or one Java API call; safe to update from many threads. */
public final class CallStats {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();

    public void request() {
        requests.incrementAndGet();
    }

    public void retry() {
        retries.incrementAndGet();
    }

    public void cacheHit() {
        cacheHits.incrementAndGet();
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
