package io.github.rembed.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shell session on one connection: reads lines like the sqlite3 shell, runs SQL and dot
 * commands, counts errors. Dot commands reach the session through the accessors below.
 */
final class Session {
    /** How an error is worded depends on where the SQL came from, as in sqlite3. */
    enum Source { SCRIPT, INTERACTIVE, ARGUMENT }

    private static final Pattern JDBC_NOISE = Pattern.compile("^\\[SQLITE_[A-Z_]+]\\s+[^(]*\\((.*)\\)$", Pattern.DOTALL);
    /** sqlite-jdbc reports a failed UDF called from a trigger as "java.sql.SQLException: msg". */
    private static final Pattern JAVA_EXCEPTION = Pattern.compile("^(?:[a-z_]\\w*\\.)+\\w*(?:Exception|Error): ");

    private Connection connection;
    private String databaseName;
    private final Output out;
    private final PrintStream err;
    private final Path workingDirectory;
    private final boolean stderrIsTerminal;
    private final Settings settings = new Settings();
    private final DotCommands commands = DotCommands.standard();
    private final ResultPrinter printer;
    private Interrupts interrupts = new Interrupts(Thread.currentThread(), () -> { });
    private int errors;
    /** The exit status of the last failure, as sqlite3 returns it for a failed SQL argument. */
    private int lastErrorStatus;
    /** total_changes() when the connection was handed over: rembed's own setup rows are not the user's. */
    private long changesBaseline;

    Session(Connection connection, Output out, PrintStream err, Path workingDirectory, boolean stderrIsTerminal) {
        this.connection = connection;
        this.changesBaseline = totalChanges(connection);
        this.databaseName = ":memory:";
        this.out = out;
        this.err = err;
        this.workingDirectory = workingDirectory;
        this.stderrIsTerminal = stderrIsTerminal;
        this.printer = new ResultPrinter(out, settings);
    }

    Connection connection() {
        return connection;
    }

    /** The database as the user named it ({@code .show}'s filename). */
    String databaseName() {
        return databaseName;
    }

    void setDatabaseName(String name) {
        databaseName = name;
    }

    /** {@code .open}: the session goes on with {@code next}; the current connection is closed. */
    void replaceConnection(Connection next, String name) throws SQLException {
        Connection old = connection;
        connection = next;
        changesBaseline = totalChanges(next);
        databaseName = name;
        old.close();
    }

    void useInterrupts(Interrupts interrupts) {
        this.interrupts = interrupts;
    }

    int lastErrorStatus() {
        return lastErrorStatus;
    }

    /** Forgets errors so far: those of {@code -init} and {@code -cmd} do not decide the exit status. */
    void clearErrors() {
        errors = 0;
        lastErrorStatus = 0;
    }

    Output out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Settings settings() {
        return settings;
    }

    DotCommands commands() {
        return commands;
    }

    int errors() {
        return errors;
    }

    /** A path as the user typed it, relative to the shell's working directory. */
    Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }

    /** A progress line for long work; drawn only when stderr is a terminal. */
    Progress progress(String label, long total, String skippedLabel) {
        return Progress.counting(err, stderrIsTerminal, label, total, skippedLabel);
    }

    /** Runs lines as sqlite3 does: dot commands on their own lines, SQL once a statement is complete. */
    void runLines(LineInput in) throws IOException {
        Source source = in.interactive() ? Source.INTERACTIVE : Source.SCRIPT;
        StringBuilder pending = new StringBuilder();
        int lineNo = 0;
        int startLine = 0;
        while (true) {
            String line = in.readLine(!pending.isEmpty());
            if (line == null) {
                break;
            }
            if (interrupts.lineRead() && !in.interactive()) {
                break; // sqlite3 stops a script at Ctrl-C
            }
            lineNo++;
            if (pending.isEmpty()) {
                if (!StatementSplitter.hasContent(line) && !line.startsWith(".")) {
                    continue;
                }
                if (line.startsWith(".")) {
                    echo(line);
                    runDotLine(line);
                    continue;
                }
                if (line.startsWith("#")) {
                    continue;
                }
                startLine = lineNo;
            }
            pending.append(line).append('\n');
            if (StatementSplitter.isComplete(pending.toString())) {
                runBlock(pending.toString(), startLine, source);
                pending.setLength(0);
            }
        }
        if (StatementSplitter.hasContent(pending.toString())) {
            runBlock(pending.toString(), startLine, source); // sqlite3 runs an unterminated last statement too
        }
        if (in.interactive()) {
            out.prompt("\n");
        }
    }

    /** The SQL or dot command given on the command line; false if it failed. */
    boolean runArgument(String text) {
        int before = errors;
        if (text.startsWith(".")) {
            runDotLine(text);
        } else {
            runBlock(text, 1, Source.ARGUMENT);
        }
        return errors == before;
    }

    void runFile(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            runLines(new ReaderInput(in, null));
        }
    }

    void runDotLine(String line) {
        List<String> words = DotArgs.parse(line);
        interrupts.busy(connection);
        try {
            if (words.isEmpty()) {
                throw new ShellError("unknown command or invalid arguments: \"\". Enter \".help\" for help");
            }
            String name = words.get(0);
            DotCommands.Entry entry = commands.find(name).orElseThrow(() -> new ShellError(
                    "unknown command or invalid arguments: \"" + name + "\". Enter \".help\" for help"));
            entry.action().run(this, words.subList(1, words.size()));
        } catch (ShellExit | OutputClosed e) {
            throw e;
        } catch (ShellError e) {
            fail(e.alreadyReported() ? null : "Error: " + e.getMessage(), 1);
        } catch (SQLException e) {
            fail("Error: " + sqliteMessage(e), 1);
        } catch (Exception e) {
            fail("Error: " + (Thread.currentThread().isInterrupted() || e instanceof InterruptedException
                    || e.getCause() instanceof java.nio.channels.ClosedByInterruptException
                    ? "interrupted" : io.github.rembed.internal.http.Redactor.describe(e)), 1);
        } finally {
            interrupts.idle();
            out.flush();
            out.commandDone();
        }
    }

    private void echo(String text) {
        if (settings.echo) {
            out.text(text + "\n");
        }
    }

    private void runBlock(String block, int startLine, Source source) {
        echo(block.endsWith("\n") ? block.substring(0, block.length() - 1) : block);
        StatementSplitter.Split split = StatementSplitter.split(block);
        List<String> statements = new java.util.ArrayList<>(split.statements());
        if (StatementSplitter.hasContent(split.rest())) {
            statements.add(split.rest().strip());
        }
        int line = startLine;
        int consumed = 0;
        int before = errors;
        try {
            for (String sql : statements) {
                int at = block.indexOf(sql, consumed);
                if (at >= 0) {
                    line += (int) block.substring(consumed, at).chars().filter(c -> c == '\n').count();
                    consumed = at;
                }
                if (!runStatement(sql, line, source) && source == Source.ARGUMENT) {
                    return; // sqlite3 stops an argument at its first failing statement
                }
            }
            if (settings.changes && errors == before) {
                printChanges();
            }
        } finally {
            out.commandDone();
        }
    }

    private static long totalChanges(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("SELECT total_changes()"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    /** {@code .changes on}: the rows changed by the last statement and since the connection opened. */
    private void printChanges() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT changes(), total_changes()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            out.text("changes: " + rs.getLong(1) + "   total_changes: " + (rs.getLong(2) - changesBaseline) + "\n");
        } catch (SQLException e) {
            fail("Error: " + sqliteMessage(e), 1);
        }
    }

    /** Runs one statement, printing its rows; false if it failed. */
    private boolean runStatement(String sql, int line, Source source) {
        long started = System.nanoTime();
        CpuClock.Times cpu = settings.timer ? CpuClock.now() : null;
        interrupts.busy(connection);
        try {
            PreparedStatement ps;
            try {
                ps = connection.prepareStatement(sql);
            } catch (SQLException e) {
                sqlError(source == Source.ARGUMENT ? "Error: in prepare, " : "Parse error", line, source, e, sql, false);
                return false;
            }
            try (ps; Progress ticking = Progress.ticking(err, stderrIsTerminal, "running")) {
                out.beforeWrite(ticking); // the header must not land on the progress line
                SqlParameters.bind(connection, ps, sql);
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        printer.print(rs);
                    }
                }
                return true;
            } catch (SQLException e) {
                out.flush();
                sqlError(source == Source.ARGUMENT ? "Error: stepping, " : "Runtime error", line, source, e, null, true);
                return false;
            }
        } catch (ShellError e) {
            fail("Error: " + e.getMessage(), 1); // output to a file or pipe that failed
            return false;
        } finally {
            out.beforeWrite(null);
            interrupts.idle();
            out.flush();
            if (cpu != null) {
                CpuClock.Times now = CpuClock.now();
                out.text(String.format(Locale.ROOT, "Run Time: real %.3f user %.6f sys %.6f\n",
                        (System.nanoTime() - started) / 1e9, now.user() - cpu.user(), now.sys() - cpu.sys()));
                out.flush();
            }
        }
    }

    private void sqlError(String kind, int line, Source source, SQLException e, String sql, boolean running) {
        // sqlite3 adds the result code when it is not plain SQLITE_ERROR, and exits with it.
        int code = Math.max(1, e.getErrorCode() & 0xff);
        String message = sqliteMessage(e) + (code > 1 ? " (" + code + ")" : "");
        String text = switch (source) {
            case ARGUMENT -> kind + message;
            case INTERACTIVE -> kind + ": " + message;
            case SCRIPT -> kind + " near line " + line + ": " + message;
        };
        if (sql != null && source != Source.ARGUMENT) {
            String first = sql.lines().findFirst().orElse("");
            text += "\n  " + (first.length() > 78 ? first.substring(0, 78) : first);
        }
        fail(text, running ? code : 1);
    }

    /** Counts an error and reports {@code text} (null: already reported); under {@code .bail on}, ends the shell. */
    private void fail(String text, int status) {
        out.flush();
        if (text != null) {
            err.println(text);
        }
        err.flush();
        errors++;
        lastErrorStatus = status;
        if (settings.bail) {
            throw new ShellExit(1);
        }
    }

    /** SQLite's own message, without sqlite-jdbc's "[SQLITE_ERROR] SQL error or missing database (...)" wrapper. */
    static String sqliteMessage(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String inner = message.strip();
        if (e instanceof org.sqlite.SQLiteException sqlite) {
            // "[SQLITE_INTERRUPT] Operation terminated by sqlite3_interrupt() (interrupted)": the wording has parentheses
            org.sqlite.SQLiteErrorCode code = sqlite.getResultCode();
            String wrapper = "[" + code.name() + "] " + code.message + " (";
            if (inner.startsWith(wrapper) && inner.endsWith(")")) {
                inner = inner.substring(wrapper.length(), inner.length() - 1);
            }
        }
        Matcher m = JDBC_NOISE.matcher(inner);
        inner = m.matches() ? m.group(1) : inner;
        return io.github.rembed.internal.http.Redactor.scrub(JAVA_EXCEPTION.matcher(inner).replaceFirst(""));
    }
}
