package io.github.rembed.internal.concurrency;

import io.github.rembed.internal.http.ProviderHttpException;
import io.github.rembed.internal.http.ProviderIoException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * What a request's exception means for limits, health and retrying, read from the first
 * cause that tells: a provider reply's status, a provider I/O failure, or a JDK network error.
 *
 * @param retryAfter    the server's {@code Retry-After}, or null
 * @param elsewhereOnly the server could not be reached (refused or dropped connection): worth
 *                      trying on another endpoint at once, not on this one again
 */
record Failure(Outcome outcome, Duration retryAfter, boolean elsewhereOnly) {

    Failure(Outcome outcome, Duration retryAfter) {
        this(outcome, retryAfter, false);
    }

    static Failure of(Throwable error) {
        if (Thread.currentThread().isInterrupted()) {
            return new Failure(Outcome.IGNORED, null);
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderHttpException http) {
                return new Failure(ofStatus(http.statusCode()), http.retryAfter().orElse(null));
            }
            if (t instanceof ProviderIoException io) {
                return io.retryable() ? new Failure(Outcome.UNAVAILABLE, null) : new Failure(Outcome.FAILED, null, true);
            }
            if (t instanceof InterruptedException || t instanceof CancellationException) {
                return new Failure(Outcome.IGNORED, null);
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException) {
                return new Failure(Outcome.FAILED, null, true);
            }
            if (t instanceof HttpTimeoutException || t instanceof InterruptedIOException) {
                return new Failure(Outcome.UNAVAILABLE, null);
            }
        }
        return new Failure(Outcome.IGNORED, null);
    }

    static Outcome ofStatus(int status) {
        return switch (status) {
            case 429 -> Outcome.REJECTED;
            case 408, 503, 504 -> Outcome.UNAVAILABLE;
            case 500, 502 -> Outcome.FAILED;
            default -> Outcome.IGNORED;
        };
    }
}
