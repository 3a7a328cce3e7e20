package io.github.rembed.shell;

import java.io.IOException;

/**
 * stdout can no longer be written (its reader closed the pipe). The shell stops at once, with
 * the status a shell reports for sqlite3, which dies of SIGPIPE then.
 */
final class OutputClosed extends RuntimeException {
    /** 128 + SIGPIPE (13): what {@code $?} shows for a process killed by a broken pipe. */
    static final int EXIT_STATUS = 141;

    OutputClosed(IOException cause) {
        super(cause.getMessage(), cause, false, false);
    }
}
