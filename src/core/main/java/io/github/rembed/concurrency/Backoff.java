package io.github.rembed.concurrency;

import io.github.rembed.engine.RetryPolicy;
import java.time.Duration;

/**
 * How long a request waits before its next attempt: the server's {@code Retry-After} when it
 * sent one (capped by the policy), else exponential backoff with jitter in the upper half.
 */
final class Backoff {
    private Backoff() {
    }

    /**
     * @param nextAttempt the attempt about to be made, 2 for the first retry
     * @param random      uniform in [0, 1)
     */
    static long nanos(RetryPolicy policy, int nextAttempt, Duration retryAfter, double random) {
        long cap = policy.maxDelay().toNanos();
        if (retryAfter != null) {
            return Math.min(cap, retryAfter.toNanos());
        }
        long exp = policy.baseDelay().toNanos() << Math.min(Math.max(0, nextAttempt - 2), 20);
        long capped = Math.min(Math.max(0, exp), cap);
        return capped / 2 + (long) (random * (capped / 2.0));
    }
}
