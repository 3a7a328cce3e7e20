package io.github.rembed;

import java.time.Duration;

/**
 * How far a bulk call has come, as {@link ProgressListener}s and {@code rembed_jobs()} see it.
 * Skipped items (a {@code null} in a batch) count toward {@link #total()} but not toward
 * {@link #fraction()}, {@link #rate()} or {@link #eta()}.
 *
 * @param done    items embedded
 * @param failed  items that ended with an error
 * @param skipped items that needed no work
 * @param retries requests sent again after a retryable failure
 * @param total   items in the call, {@link #UNKNOWN} while a stream is still being read
 * @param elapsed time since the call started
 */
public record Progress(long done, long failed, long skipped, long retries, long total, Duration elapsed) {
    /** The {@link #total()} of a call whose length is not known. */
    public static final long UNKNOWN = -1;

    /**
     * Items with a result.
     *
     * @return {@code done + failed}
     */
    public long processed() {
        return done + failed;
    }

    /**
     * Items processed per second since the start.
     *
     * @return the rate, 0 before the first result
     */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : processed() / seconds;
    }

    /**
     * The share of the work done, skipped items left out.
     *
     * @return from 0 to 1, or -1 when the total is unknown
     */
    public double fraction() {
        if (total == UNKNOWN) {
            return -1;
        }
        long work = total - skipped;
        return work <= 0 ? 1 : Math.min(1, processed() / (double) work);
    }

    /**
     * The time left at the rate so far.
     *
     * @return the estimate, or {@code null} when the total is unknown or nothing is processed yet
     */
    public Duration eta() {
        double rate = rate();
        if (total == UNKNOWN || rate <= 0) {
            return null;
        }
        long left = Math.max(0, total - skipped - processed());
        return Duration.ofMillis(Math.round(left / rate * 1000));
    }
}
