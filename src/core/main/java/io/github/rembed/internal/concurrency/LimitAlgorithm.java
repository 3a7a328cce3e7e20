package io.github.rembed.internal.concurrency;

/**
 * Decides how many requests one endpoint may have in flight, from what became of earlier ones.
 * Not thread-safe: its {@link ConcurrencyLimit} calls it under {@link Admission#LOCK}.
 */
interface LimitAlgorithm {
    /** Requests allowed in flight now, at least 1. */
    int limit();

    /**
     * Changes each time the limit is cut (or, for an adaptive limit, lowered for a moment to
     * measure latency). A permit remembers the value it was taken under, so that the drops of
     * one overload, reported one after another, cut the limit only once.
     */
    long epoch();

    /** A permit is taken; returns the {@link #epoch()} it is taken under. */
    long onTake();

    /**
     * A request got a reply.
     *
     * @param inFlight requests in flight as it ended, itself included
     * @param epoch    {@link #epoch()} when its permit was taken
     */
    void onSuccess(long latencyNanos, int inFlight, long epoch);

    /**
     * A request was dropped: 429, 503 or a timeout.
     *
     * @param inFlight requests in flight as it ended, itself included
     * @param epoch    {@link #epoch()} when its permit was taken
     */
    void onDrop(int inFlight, long epoch);

    boolean adaptive();
}
