package io.github.rembed;

/**
 * The one error type the library throws. Its message is meant for the user as it is:
 * it names what failed and why, and never contains an API key.
 */
public class RembedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with a message for the user.
     *
     * @param message what failed and why
     */
    public RembedException(String message) {
        super(message);
    }

    /**
     * An error with a message for the user and the failure behind it.
     *
     * @param message what failed and why
     * @param cause   the underlying failure
     */
    public RembedException(String message, Throwable cause) {
        super(message, cause);
    }
}
