package io.github.rembed.internal.engine;

import java.time.Duration;

/**
 * How often and how patiently a failed request is tried again.
 *
 * @param maxAttempts  attempts in all, the first included
 * @param baseDelay    wait before the second attempt; doubled for each later one
 * @param maxDelay     longest wait between attempts, {@code Retry-After} included
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(20));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /**
     * How long to wait before {@code attempt} (2 for the first retry): the server's
     * {@code Retry-After} when it sent one, capped by {@link #maxDelay()}, else exponential
     * backoff with jitter in its upper half.
     *
     * @param random uniform in [0, 1)
     */
    public Duration delayBefore(int attempt, Duration retryAfter, double random) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
        }
        long exp = baseDelay.toMillis() << Math.min(Math.max(0, attempt - 2), 20);
        long capped = Math.min(exp, maxDelay.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random * (capped / 2.0)));
    }
}
