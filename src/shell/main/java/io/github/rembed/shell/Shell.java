package io.github.rembed.shell;

import io.github.rembed.Rembed;
import io.github.rembed.RembedConfig;
import io.github.rembed.http.Redactor;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
              -echo             print each command before running it
              -header, -noheader
              -list, -csv, -line, -column, -json, -tabs, -quote,
              -box, -table, -markdown   output mode (default list)
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
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out), false, StandardCharsets.UTF_8);
        int code = run(args, System.in, out, System.err, Path.of("").toAbsolutePath(),
                Terminals.stdinIsTerminal(), Terminals.stderrIsTerminal());
        out.flush();
        System.exit(code);
    }

    /** Runs the shell on the given streams; returns the exit code. */
    static int run(String[] args, InputStream in, OutputStream stdout, PrintStream err, Path workingDirectory,
                   boolean stdinIsTerminal, boolean stderrIsTerminal) {
        Output out = new Output(stdout);
        Settings preset = new Settings();
        List<String> positional = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!positional.isEmpty() || !a.startsWith("-")) {
                    positional.add(a);
                    continue;
                }
                String option = a.startsWith("--") ? a.substring(1) : a;
                switch (option) {
                    case "-help", "-h" -> {
                        out.text(USAGE);
                        out.flush();
                        return 0;
                    }
                    case "-version" -> {
                        out.text(Rembed.version() + " (sqlite-jdbc " + org.sqlite.SQLiteJDBCLoader.getVersion() + ")\n");
                        out.flush();
                        return 0;
                    }
                    case "-bail" -> preset.bail = true;
                    case "-echo" -> preset.echo = true;
                    case "-header", "-headers" -> {
                        preset.headers = true;
                        preset.headersSet = true;
                    }
                    case "-noheader" -> {
                        preset.headers = false;
                        preset.headersSet = true;
                    }
                    case "-separator" -> {
                        if (++i >= args.length) {
                            throw new ShellError("missing argument to -separator");
                        }
                        preset.columnSeparator = DotArgs.unescape(args[i]);
                    }
                    default -> {
                        OutputMode mode = OutputMode.exactly(option.substring(1)).orElseThrow(() ->
                                new ShellError("unknown option: " + a + "\nUse -help for a list of options."));
                        String sep = preset.columnSeparator;
                        preset.mode(mode);
                        if (mode == OutputMode.LIST && !sep.equals(OutputMode.LIST.columnSeparator)) {
                            preset.columnSeparator = sep;
                        }
                    }
                }
            }
        } catch (ShellError e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
        String db = positional.isEmpty() ? ":memory:" : positional.get(0);
        List<String> sql = positional.size() > 1 ? positional.subList(1, positional.size()) : List.of();
        try (Connection conn = open(db, workingDirectory)) {
            Session session = new Session(conn, out, err, workingDirectory, stderrIsTerminal);
            copy(preset, session.settings());
            return run(session, sql, in, stdinIsTerminal);
        } catch (SQLException e) {
            err.println("Error: unable to open database \"" + db + "\": " + Session.sqliteMessage(e));
            return 1;
        } catch (Exception | LinkageError e) {
            out.flush();
            err.println("Error: " + Redactor.describe(e));
            return 1;
        } finally {
            out.flush();
        }
    }

    private static int run(Session session, List<String> sql, InputStream in, boolean interactive) throws Exception {
        try {
            if (!sql.isEmpty()) {
                for (String s : sql) {
                    session.runArgument(s);
                }
            } else {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                if (interactive) {
                    session.out().text(Rembed.version() + " shell. Enter \".help\" for usage hints.\n");
                }
                session.runLines(reader, interactive ? Session.Source.INTERACTIVE : Session.Source.SCRIPT);
            }
        } catch (ShellExit e) {
            if (e.code >= 0) {
                return e.code;
            }
        }
        return session.errors() > 0 && !(interactive && sql.isEmpty()) ? 1 : 0;
    }

    static Connection open(String db, Path workingDirectory) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enableLoadExtension(true);
        String target = db.equals(":memory:") || db.startsWith("file:") ? db : workingDirectory.resolve(db).toString();
        Connection conn = config.createConnection("jdbc:sqlite:" + target);
        try {
            Rembed.register(conn, RembedConfig.builder().fileRoot(workingDirectory).build());
        } catch (SQLException | RuntimeException e) {
            conn.close();
            throw e;
        }
        return conn;
    }

    private static void copy(Settings from, Settings to) {
        to.mode = from.mode;
        to.columnSeparator = from.columnSeparator;
        to.rowSeparator = from.rowSeparator;
        to.headers = from.headers;
        to.headersSet = from.headersSet;
        to.bail = from.bail;
        to.echo = from.echo;
    }
}
