package io.github.rembed.shell;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConnection;

/**
 * Ctrl-C (SIGINT) as sqlite3 treats it: it interrupts the running statement or command
 * ({@code sqlite3_interrupt}, which is what {@code Statement.cancel()} does), and the shell
 * carries on; a third Ctrl-C before the next input line ends the shell with status 1, the way
 * out when nothing else answers.
 *
 * <p>The interrupt also reaches the thread that runs the command, so a SQL function waiting on
 * the network (or a dot command reading a file) gives up at once instead of at its timeout.
 */
final class Interrupts {
    /** sqlite3 exits on the third Ctrl-C that comes before an input line is read. */
    private static final int EXIT_AFTER = 3;

    private final Thread worker;
    private SQLiteConnection busyOn;
    private int sinceLastLine;
    private boolean seen;
    private final Runnable exit;

    Interrupts(Thread worker, Runnable exit) {
        this.worker = worker;
        this.exit = exit;
    }

    /** The signal handler: runs on the JVM's signal thread. */
    synchronized void interrupt() {
        seen = true;
        if (++sinceLastLine >= EXIT_AFTER) {
            exit.run();
            return;
        }
        if (busyOn != null) {
            try {
                busyOn.getDatabase().interrupt();
            } catch (SQLException e) {
                // a closed connection has nothing left to interrupt
            }
            worker.interrupt();
        }
    }

    /** Marks the start of a command on {@code connection}; Ctrl-C interrupts it until {@link #idle()}. */
    void busy(Connection connection) {
        SQLiteConnection sqlite;
        try {
            sqlite = connection.unwrap(SQLiteConnection.class);
        } catch (SQLException e) {
            sqlite = null;
        }
        synchronized (this) {
            busyOn = sqlite;
        }
    }

    /** The command is over: a late Ctrl-C no longer reaches it, and no stray interrupt stays behind. */
    void idle() {
        synchronized (this) {
            busyOn = null;
        }
        Thread.interrupted();
    }

    /** An input line was read: the Ctrl-C count starts again. True if Ctrl-C came since the last line. */
    synchronized boolean lineRead() {
        boolean was = seen;
        seen = false;
        sinceLastLine = 0;
        return was;
    }

    /** Ctrl-C at the prompt, seen by the line editor rather than as a signal. */
    void atPrompt() {
        interrupt();
    }
}
