package io.github.rembed.internal.sql;

import io.github.rembed.internal.pipeline.Cancellation;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConnection;

/**
 * Lets a SQL function that waits in Java notice that its statement was cancelled, timed out,
 * or that its connection is being closed.
 *
 * <p>{@code Statement.cancel()} calls {@code sqlite3_interrupt}, which only sets a flag that
 * SQLite checks between its own steps: a function blocked in Java never sees it, and
 * sqlite-jdbc exposes no {@code sqlite3_is_interrupted}. But while the flag is set, any
 * statement run on the same connection fails with {@code SQLITE_INTERRUPT}. So the waiting
 * function runs a tiny nested {@code SELECT 1} on its own thread (the one that holds the
 * connection) every few milliseconds; when that fails, the statement was cancelled.
 *
 * <p>{@code Connection.close()} from another thread waits for the running statement, but
 * before it does, it closes the connection's metadata object, which forgets its connection:
 * seeing that, the function gives up so that the close can go ahead.
 *
 * <p>{@code setQueryTimeout(n)} in sqlite-jdbc does not interrupt anything either: it only
 * sets the connection's busy timeout to {@code n} seconds while the statement runs. See
 * {@link BusyTimeouts} for how that is told apart from a busy timeout the user set.
 */
final class StatementCancellation implements Cancellation, AutoCloseable {
    private final SQLiteConnection conn;
    private final DatabaseMetaData meta;
    private final long deadline;
    private final int timeoutMs;
    private PreparedStatement probe;
    private volatile String reason;

    private StatementCancellation(SQLiteConnection conn, DatabaseMetaData meta, int timeoutMs) {
        this.conn = conn;
        this.meta = meta;
        this.timeoutMs = timeoutMs;
        this.deadline = timeoutMs > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs) : Long.MAX_VALUE;
    }

    /** Call at the start of the function, on its own thread. */
    static StatementCancellation start(SQLiteConnection conn, ConnectionState state) {
        DatabaseMetaData meta;
        try {
            meta = conn.getMetaData();
        } catch (SQLException e) {
            meta = null;
        }
        return new StatementCancellation(conn, meta, state.busyTimeouts.queryTimeoutMs(conn.getBusyTimeout()));
    }

    @Override
    public boolean cancelled() {
        if (reason != null) {
            return true;
        }
        if (closing()) {
            reason = "cancelled: the connection is being closed";
            return true;
        }
        if (System.nanoTime() >= deadline) {
            reason = "cancelled: query timeout of " + (timeoutMs % 1000 == 0 ? timeoutMs / 1000 + " s" : timeoutMs
                    + " ms") + " reached";
            return true;
        }
        try {
            if (probe == null) {
                probe = conn.prepareStatement("SELECT 1");
            }
            try (ResultSet rs = probe.executeQuery()) {
                rs.next();
            }
            return false;
        } catch (SQLException e) {
            reason = "cancelled (Statement.cancel or connection interrupted)";
            return true;
        }
    }

    private boolean closing() {
        try {
            return meta != null && meta.getConnection() == null;
        } catch (SQLException e) {
            return true;
        }
    }

    /** Why the call was cancelled, or {@code null} if it was not. */
    String reason() {
        return reason;
    }

    @Override
    public void close() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException ignored) {
                // the statement is going away with its connection's interrupt; nothing to release
            }
        }
    }
}
