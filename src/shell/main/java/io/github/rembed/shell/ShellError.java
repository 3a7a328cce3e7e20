package io.github.rembed.shell;

/** A failure the shell reports as one {@code Error: ...} line, without a stack trace. */
final class ShellError extends RuntimeException {
    ShellError(String message) {
        super(message, null, false, false);
    }
}
