package io.github.rembed.internal.sql;

/**
 * Tells sqlite-jdbc's query timeout apart from the connection's own busy timeout.
 *
 * <p>{@code Statement.setQueryTimeout(n)} does not interrupt anything in sqlite-jdbc: while
 * the statement runs, it sets the connection's busy timeout to {@code n * 1000} ms and puts
 * the usual value back afterwards. A function can only see the busy timeout, so it reads a
 * value other than the usual one as its statement's query timeout. The usual value is the
 * one seen at {@code Rembed.register} (registering again records it anew). A busy timeout
 * that is not a whole number of seconds cannot come from a query timeout, so it is taken as
 * the connection's new usual value instead of a deadline.
 */
final class BusyTimeouts {
    private volatile int usualMs;

    BusyTimeouts(int usualMs) {
        this.usualMs = usualMs;
    }

    /** Records the busy timeout the connection has outside statements. */
    void usual(int ms) {
        usualMs = ms;
    }

    /** The query timeout of the running statement in ms, or 0 when it has none. */
    int queryTimeoutMs(int busyTimeoutMs) {
        if (busyTimeoutMs == usualMs || busyTimeoutMs <= 0) {
            return 0;
        }
        if (busyTimeoutMs % 1000 != 0) {
            usualMs = busyTimeoutMs;
            return 0;
        }
        return busyTimeoutMs;
    }
}
