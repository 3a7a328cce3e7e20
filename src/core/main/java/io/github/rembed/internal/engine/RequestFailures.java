package io.github.rembed.internal.engine;

import io.github.rembed.RembedException;
import io.github.rembed.internal.http.ProviderHttpException;
import io.github.rembed.internal.http.ProviderIoException;
import io.github.rembed.internal.http.Redactor;
import java.util.Set;

/**
 * What a failed request means for the user: why it failed, in one secret-free line, and
 * whether it was refused for what was sent. (Whether and where it is tried again is decided
 * by {@code concurrency.LeasedRequest} and {@code concurrency.TextBatches}.)
 */
public final class RequestFailures {
    /** Refusals of the key, the permission, the URL or the method: no text would fare better alone. */
    private static final Set<Integer> NOT_ABOUT_CONTENT = Set.of(401, 403, 404, 405, 407);

    private RequestFailures() {
    }

    /** Why {@code error} happened: the provider's status line or I/O failure, or the library's own message. */
    public static String reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderHttpException || t instanceof ProviderIoException || t instanceof RembedException) {
                return Redactor.scrub(t.getMessage());
            }
        }
        return "malformed reply or client error: " + Redactor.describe(error);
    }

    /**
     * True when a failure was about what was sent (a 4xx reply other than 408/429, or a reply
     * that did not fit the request), not about the server being slow, down or overloaded, nor
     * about who sent it or where (401, 403, 404, 405, 407: every text would fail the same way):
     * sending the items one by one may then succeed for all but the culprit.
     */
    public static boolean refusedForContent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderHttpException http) {
                int status = http.statusCode();
                return !http.retryable() && status >= 400 && status < 500 && !NOT_ABOUT_CONTENT.contains(status);
            }
            if (t instanceof ProviderIoException) {
                return false;
            }
        }
        return error instanceof RembedException && !Thread.currentThread().isInterrupted();
    }
}
