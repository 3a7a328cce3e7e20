package io.github.rembed.shell;

/** A failure the shell reports as one {@code Error: ...} line, without a stack trace. */
final class ShellError extends RuntimeException {
    ShellError(String message) {
        super(message, null, false, false);
    }

    /** A failure whose messages were already printed: it only counts as an error. */
    static ShellError reported() {
        return new ShellError(null);
    }

    boolean alreadyReported() {
        return getMessage() == null;
    }
}
