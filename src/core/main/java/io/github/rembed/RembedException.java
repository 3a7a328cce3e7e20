package io.github.rembed;

/**
 * What the library throws when a call fails: a request to a model server, a file it cannot
 * read, a client it cannot set up. Its message is meant for the user as it is: it names what
 * failed and why, and never contains an API key. (A bad argument to a Java method or builder
 * is an {@link IllegalArgumentException} instead. SQL functions report it as an
 * {@link java.sql.SQLException} whose message starts with the function's name.)
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
