package io.github.rembed.http;

/** The provider could not be reached or did not answer in time. */
public final class ProviderIoException extends RuntimeException {
    private final boolean timeout;

    public ProviderIoException(String message, boolean timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    public boolean timeout() {
        return timeout;
    }
}
