package io.github.rembed.internal.http;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A non-2xx reply from a provider, with the server's {@code Retry-After} when it sent one.
 * It travels through LangChain4j as the cause of whatever that library wraps it in.
 */
public final class ProviderHttpException extends HttpException {
    private final transient Duration retryAfter;

    public ProviderHttpException(int status, String message, Duration retryAfter) {
        super(status, message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 429 and the 5xx family are worth another try; other 4xx are the caller's mistake. */
    public boolean retryable() {
        int s = statusCode();
        return s == 408 || s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
    }
}
