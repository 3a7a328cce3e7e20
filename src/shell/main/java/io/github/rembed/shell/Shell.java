package io.github.rembed.shell;

import io.github.rembed.Rembed;
import io.github.rembed.RembedConfig;
import io.github.rembed.internal.http.Redactor;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.jline.utils.Signals;
import org.sqlite.SQLiteConfig;

/**
 * {@code ./rembed [OPTIONS] [DB] [SQL ...]}: a sqlite3-like shell whose connection has every
 * rembed function installed. SQL comes from the arguments, else from stdin; a terminal on
 * stdin gets a prompt.
 */
public final class Shell {
    static final String USAGE = """
            Usage: rembed [OPTIONS] [DB] [SQL ...]
              DB    database file (default :memory:)
              SQL   statements or dot commands to run; without them SQL is read from stdin

            Options:
              -bail             stop at the first error
              -batch            read stdin as a script even from a terminal (-interactive: the reverse)
              -cmd COMMAND      run COMMAND (SQL or a dot command) before the SQL arguments or stdin
              -echo             print each command before running it
              -header, -noheader
              -init FILE        run FILE first (default: ~/.rembedrc, if it exists)
              -list, -csv, -line, -column, -json, -tabs, -quote, -box, -table, -markdown
                                output mode (default list)
              -newline SEP      row separator of list mode
              -nullvalue TEXT   how NULL prints
              -readonly         open the database read-only
              -separator SEP    column separator of list mode
              -version          print versions and exit
              -help             this text

            Examples:
              ./rembed :memory: ".load .cache/sqlite-vec/vec0" "SELECT vec_length(rembed('local', 'hi'))"
              ./rembed my.db "SELECT length(rembed('local', 'hello world'))"
              ./rembed my.db < script.sql
              echo ".read examples-sql/basics.sql" | ./rembed

            Inside the shell, enter .help for the dot commands. Files named in readfile() and
            .read are taken relative to the working directory.
            """;

    private Shell() {
    }

    public static void main(String[] args) {
        // Straight to the file descriptor: System.out would swallow the error of a closed pipe.
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        int code = run(args, System.in, out, System.err, ShellEnvironment.ofProcess());
        try {
            out.flush();
        } catch (IOException e) {
            code = code == 0 ? OutputClosed.EXIT_STATUS : code;
        }
        System.exit(code);
    }

    /** Runs the shell on the given streams without touching the process (signals, terminal); returns the exit code. */
    static int run(String[] args, InputStream in, OutputStream stdout, PrintStream err, Path workingDirectory,
                   boolean stdinIsTerminal, boolean stderrIsTerminal) {
        return run(args, in, stdout, err, new ShellEnvironment(workingDirectory, workingDirectory, stdinIsTerminal,
                stderrIsTerminal, false));
    }

    /** Runs the shell on the given streams; returns the exit code. */
    static int run(String[] args, InputStream in, OutputStream stdout, PrintStream err, ShellEnvironment env) {
        Output out = new Output(stdout);
        ShellOptions options;
        try {
            options = ShellOptions.parse(args);
        } catch (ShellError e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
        try {
            switch (options.action) {
                case HELP -> {
                    out.text(USAGE);
                    return 0;
                }
                case VERSION -> {
                    out.text(Rembed.version() + " (sqlite-jdbc " + org.sqlite.SQLiteJDBCLoader.getVersion() + ")\n");
                    return 0;
                }
                case RUN -> {
                    return runSession(options, in, out, err, env);
                }
            }
            throw new IllegalStateException(options.action.name());
        } catch (OutputClosed e) {
            return OutputClosed.EXIT_STATUS;
        } finally {
            try {
                out.restore();
                out.flush();
            } catch (OutputClosed | ShellError e) {
                // nothing more can be said where output went
            }
        }
    }

    private static int runSession(ShellOptions options, InputStream in, Output out, PrintStream err,
                                  ShellEnvironment env) {
        String db = options.database == null ? ":memory:" : options.database;
        Connection conn;
        try {
            conn = open(db, env.workingDirectory(), options.readonly);
        } catch (SQLException e) {
            err.println("Error: unable to open database \"" + db + "\": " + Session.sqliteMessage(e));
            return 1;
        }
        boolean interactive = options.interactive != null ? options.interactive : env.stdinIsTerminal();
        Session session = new Session(conn, out, err, env.workingDirectory(), env.stderrIsTerminal());
        session.setDatabaseName(db);
        Interrupts interrupts = new Interrupts(Thread.currentThread(), () -> System.exit(1));
        session.useInterrupts(interrupts);
        TerminalInput terminal = null;
        try {
            if (env.system()) {
                terminal = interactive && options.sql.isEmpty() ? TerminalInput.open(env.historyFile(), interrupts) : null;
                if (terminal == null) {
                    Signals.register("INT", interrupts::interrupt);
                }
            }
            return run(session, options, env, in, interactive, terminal);
        } catch (ShellExit e) {
            return e.code >= 0 ? e.code : session.errors() > 0 ? 1 : 0;
        } catch (OutputClosed e) {
            throw e;
        } catch (Exception | LinkageError e) {
            out.flush();
            err.println("Error: " + Redactor.describe(e));
            return 1;
        } finally {
            out.flush();
            closeQuietly(terminal);
            closeQuietly(session.connection());
        }
    }

    private static int run(Session session, ShellOptions options, ShellEnvironment env, InputStream in,
                           boolean interactive, TerminalInput terminal) throws IOException {
        InitFile.run(session, options.initFile, env.home(), interactive && options.sql.isEmpty());
        for (ShellOptions.Step step : options.steps) {
            switch (step) {
                case ShellOptions.Setting setting -> setting.change().accept(session.settings());
                case ShellOptions.Command command -> session.runArgument(command.text());
            }
        }
        session.clearErrors(); // as in sqlite3, a failed -cmd does not decide the exit status
        if (!options.sql.isEmpty()) {
            for (String s : options.sql) {
                if (!session.runArgument(s)) {
                    return session.lastErrorStatus(); // sqlite3 stops at the first failing argument
                }
            }
            return 0;
        }
        if (interactive) {
            session.out().text(Rembed.version() + " shell. Enter \".help\" for usage hints.\n");
            if (options.noArguments) { // sqlite3 warns only when started with no arguments at all
                session.out().text("Connected to a transient in-memory database.\n"
                        + "Use \".open FILENAME\" to reopen on a persistent database.\n");
            }
            session.out().flush();
        }
        LineInput input = terminal != null ? terminal
                : new ReaderInput(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                        interactive ? session.out() : null);
        session.runLines(input);
        return session.errors() > 0 ? 1 : 0;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing at exit: nothing left to report to
        }
    }

    static Connection open(String db, Path workingDirectory) throws SQLException {
        return open(db, workingDirectory, false);
    }

    /** A connection to {@code db} (relative to {@code workingDirectory}) with rembed's functions installed. */
    static Connection open(String db, Path workingDirectory, boolean readonly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enableLoadExtension(true);
        config.setReadOnly(readonly);
        String target = db.equals(":memory:") || db.startsWith("file:") ? db : workingDirectory.resolve(db).toString();
        Connection conn = config.createConnection("jdbc:sqlite:" + target);
        try {
            Rembed.register(conn, RembedConfig.builder().fileRoot(workingDirectory).build());
            try (java.sql.Statement s = conn.createStatement()) {
                // changes() starts at 0 as in sqlite3, not at the count of rembed's own setup rows
                s.executeUpdate("DELETE FROM temp.rembed_clients WHERE 0");
            }
        } catch (SQLException | RuntimeException e) {
            conn.close();
            throw e;
        }
        return conn;
    }
}
