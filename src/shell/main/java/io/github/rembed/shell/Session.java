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
    private static final String PROMPT = "rembed> ";
    private static final String CONTINUE = "   ...> ";

    private final Connection connection;
    private final Output out;
    private final PrintStream err;
    private final Path workingDirectory;
    private final boolean stderrIsTerminal;
    private final Settings settings = new Settings();
    private final DotCommands commands = DotCommands.standard();
    private final ResultPrinter printer;
    private int errors;

    Session(Connection connection, Output out, PrintStream err, Path workingDirectory, boolean stderrIsTerminal) {
        this.connection = connection;
        this.out = out;
        this.err = err;
        this.workingDirectory = workingDirectory;
        this.stderrIsTerminal = stderrIsTerminal;
        this.printer = new ResultPrinter(out, settings);
    }

    Connection connection() {
        return connection;
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
    Progress progress(String label, long total) {
        return Progress.counting(err, stderrIsTerminal, label, total);
    }

    /** Runs lines as sqlite3 does: dot commands on their own lines, SQL once a statement is complete. */
    void runLines(BufferedReader in, Source source) throws IOException {
        boolean interactive = source == Source.INTERACTIVE;
        StringBuilder pending = new StringBuilder();
        int lineNo = 0;
        int startLine = 0;
        while (true) {
            if (interactive) {
                out.text(pending.isEmpty() ? PROMPT : CONTINUE);
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                break;
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
        if (interactive) {
            out.text("\n");
            out.flush();
        }
    }

    /** The SQL or dot command given on the command line. */
    void runArgument(String text) {
        if (text.startsWith(".")) {
            runDotLine(text);
        } else {
            runBlock(text, 1, Source.ARGUMENT);
        }
    }

    void runFile(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            runLines(in, Source.SCRIPT);
        }
    }

    void runDotLine(String line) {
        List<String> words = DotArgs.parse(line);
        try {
            if (words.isEmpty()) {
                throw new ShellError("unknown command or invalid arguments: \"\". Enter \".help\" for help");
            }
            String name = words.get(0);
            DotCommands.Entry entry = commands.find(name).orElseThrow(() -> new ShellError(
                    "unknown command or invalid arguments: \"" + name + "\". Enter \".help\" for help"));
            entry.action().run(this, words.subList(1, words.size()));
        } catch (ShellExit e) {
            throw e;
        } catch (ShellError e) {
            fail("Error: " + e.getMessage());
        } catch (SQLException e) {
            fail("Error: " + sqliteMessage(e));
        } catch (Exception e) {
            fail("Error: " + io.github.rembed.http.Redactor.describe(e));
        } finally {
            out.flush();
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
        for (String sql : statements) {
            int at = block.indexOf(sql, consumed);
            if (at >= 0) {
                line += (int) block.substring(consumed, at).chars().filter(c -> c == '\n').count();
                consumed = at;
            }
            runStatement(sql, line, source);
        }
    }

    private void runStatement(String sql, int line, Source source) {
        long started = System.nanoTime();
        CpuClock.Times cpu = settings.timer ? CpuClock.now() : null;
        try {
            PreparedStatement ps;
            try {
                ps = connection.prepareStatement(sql);
            } catch (SQLException e) {
                sqlError(source == Source.ARGUMENT ? "Error: in prepare, " : "Parse error", line, source, e, sql);
                return;
            }
            try (ps; Progress ticking = Progress.ticking(err, stderrIsTerminal, "running")) {
                SqlParameters.bind(connection, ps, sql);
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        printer.print(rs);
                    }
                }
            } catch (SQLException e) {
                out.flush();
                sqlError(source == Source.ARGUMENT ? "Error: " : "Runtime error", line, source, e, null);
            }
        } finally {
            out.flush();
            if (cpu != null) {
                CpuClock.Times now = CpuClock.now();
                out.text(String.format(Locale.ROOT, "Run Time: real %.3f user %.6f sys %.6f\n",
                        (System.nanoTime() - started) / 1e9, now.user() - cpu.user(), now.sys() - cpu.sys()));
                out.flush();
            }
        }
    }

    private void sqlError(String kind, int line, Source source, SQLException e, String sql) {
        String message = sqliteMessage(e);
        String text = switch (source) {
            case ARGUMENT -> kind + message;
            case INTERACTIVE -> kind + ": " + message;
            case SCRIPT -> kind + " near line " + line + ": " + message;
        };
        if (sql != null && source != Source.ARGUMENT) {
            String first = sql.lines().findFirst().orElse("");
            text += "\n  " + (first.length() > 78 ? first.substring(0, 78) : first);
        }
        fail(text);
    }

    private void fail(String text) {
        out.flush();
        err.println(text);
        err.flush();
        errors++;
        if (settings.bail) {
            throw new ShellExit(1);
        }
    }

    /** SQLite's own message, without sqlite-jdbc's "[SQLITE_ERROR] SQL error or missing database (...)" wrapper. */
    static String sqliteMessage(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher m = JDBC_NOISE.matcher(message.strip());
        String inner = m.matches() ? m.group(1) : message;
        return io.github.rembed.http.Redactor.scrub(JAVA_EXCEPTION.matcher(inner).replaceFirst(""));
    }
}
