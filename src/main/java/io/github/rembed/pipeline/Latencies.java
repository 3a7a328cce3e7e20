package io.github.rembed.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of successful requests, for the p50/p95 of the stats. Thread-safe. */
final class Latencies {
    private final List<Long> millis = new ArrayList<>();

    synchronized void add(long ms) {
        millis.add(ms);
    }

    /** Nearest-rank percentile; 0 when nothing was recorded. */
    synchronized long percentile(double p) {
        if (millis.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
