package io.github.rembed.internal.http;

import java.io.IOException;

/** A reply that is larger than the HTTP path reads; not worth asking for again. */
final class ReplyTooLargeException extends IOException {
    private final boolean retryable;

    ReplyTooLargeException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /** True when the reply did not fit only because other replies held the memory at that moment. */
    boolean retryable() {
        return retryable;
    }
}
