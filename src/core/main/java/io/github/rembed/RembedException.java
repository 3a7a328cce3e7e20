package io.github.rembed;

/**
 * The one error type the library throws. Its message is meant for the user as it is:
 * it names what failed and why, and never contains an API key.
 */
public class RembedException extends RuntimeException {
    public RembedException(String message) {
        super(message);
    }

    public RembedException(String message, Throwable cause) {
        super(message, cause);
    }
}
