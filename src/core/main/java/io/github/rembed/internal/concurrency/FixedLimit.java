package io.github.rembed.internal.concurrency;

/** The user's number, whatever happens. */
final class FixedLimit implements LimitAlgorithm {
    private final int limit;

    FixedLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a concurrency limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public long epoch() {
        return 0;
    }

    @Override
    public long onTake() {
        return 0;
    }

    @Override
    public void onSuccess(long latencyNanos, int inFlight, long epoch) {
    }

    @Override
    public void onDrop(int inFlight, long epoch) {
    }

    @Override
    public boolean adaptive() {
        return false;
    }

    @Override
    public String toString() {
        return "fixed " + limit;
    }
}
