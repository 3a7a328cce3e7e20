package io.github.rembed.internal.http;

/**
 * The provider could not be reached, did not answer in time, or sent more than is read. Its
 * message says everything: no cause is attached, so LangChain4j passes it on unchanged.
 */
public final class ProviderIoException extends RuntimeException {
    private final boolean retryable;

    /** @param retryable true when trying again may help (a timeout, memory busy with other replies) */
    public ProviderIoException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
