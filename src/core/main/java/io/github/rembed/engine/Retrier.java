package io.github.rembed.engine;

import io.github.rembed.RembedException;
import io.github.rembed.http.ProviderHttpException;
import io.github.rembed.http.ProviderIoException;
import io.github.rembed.http.Redactor;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The one place requests are retried: 408, 429 and 5xx replies and timeouts, with
 * exponential backoff, honouring {@code Retry-After}. Refused connections and other 4xx
 * replies fail at once: trying again would not help.
 */
public final class Retrier {
    private Retrier() {
    }

    /**
     * Runs {@code request}, counting each attempt in {@code stats}.
     *
     * @param what short description of the call for error messages, e.g. "client 'x' (openai ...)"
     */
    public static <T> T call(Supplier<T> request, RetryPolicy policy, CallStats stats, String what) {
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RembedException(what + ": cancelled");
            }
            stats.request();
            try {
                return request.get();
            } catch (RuntimeException e) {
                Failure f = Failure.of(e);
                if (!f.retryable || attempt >= policy.maxAttempts()) {
                    String tries = attempt > 1 ? " after " + attempt + " attempts" : "";
                    throw new RembedException(what + ": " + f.message + tries, e);
                }
                stats.retry();
                sleep(policy.delayBefore(attempt + 1, f.retryAfter, ThreadLocalRandom.current().nextDouble()), what);
            }
        }
    }

    /**
     * True when a failure was about what was sent (a 4xx reply other than 408/429, or a reply
     * that did not fit the request), not about the server being slow, down or overloaded:
     * sending the items one by one may then succeed for all but the culprit.
     */
    public static boolean refusedForContent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderHttpException http) {
                return !http.retryable() && http.statusCode() >= 400 && http.statusCode() < 500;
            }
            if (t instanceof ProviderIoException) {
                return false;
            }
        }
        return error instanceof RembedException && !Thread.currentThread().isInterrupted();
    }

    private static void sleep(Duration d, String what) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RembedException(what + ": cancelled");
        }
    }

    /** What a failure means for retrying, found anywhere in the cause chain. */
    record Failure(boolean retryable, Duration retryAfter, String message) {
        static Failure of(Throwable error) {
            for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ProviderHttpException http) {
                    return new Failure(http.retryable(), http.retryAfter().orElse(null), Redactor.scrub(http.getMessage()));
                }
                if (t instanceof ProviderIoException io) {
                    return new Failure(io.retryable() && !Thread.currentThread().isInterrupted(), null,
                            Redactor.scrub(io.getMessage()));
                }
                if (t instanceof RembedException r) {
                    return new Failure(false, null, Redactor.scrub(r.getMessage()));
                }
            }
            return new Failure(false, null, "malformed reply or client error: " + Redactor.describe(error));
        }
    }
}
