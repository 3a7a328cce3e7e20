package io.github.rembed.internal.pipeline;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Durations of successful requests, for the p50/p95 of the stats. Exact up to
 * {@value #CAPACITY} requests; beyond that a uniform reservoir sample, so a stream of any
 * length keeps constant memory. Thread-safe.
 */
final class Latencies {
    static final int CAPACITY = 4096;

    private final long[] sample = new long[CAPACITY];
    private long seen;

    synchronized void add(long ms) {
        if (seen < CAPACITY) {
            sample[(int) seen] = ms;
        } else {
            long slot = ThreadLocalRandom.current().nextLong(seen + 1);
            if (slot < CAPACITY) {
                sample[(int) slot] = ms;
            }
        }
        seen++;
    }

    /** Nearest-rank percentile; 0 when nothing was recorded. */
    synchronized long percentile(double p) {
        int n = (int) Math.min(seen, CAPACITY);
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(sample, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
    }
}
