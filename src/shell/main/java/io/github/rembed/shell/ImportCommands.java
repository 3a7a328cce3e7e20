package io.github.rembed.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code .import [--csv|--ascii] [--skip N] [--schema S] [-v] FILE TABLE}, as in sqlite3: rows
 * of FILE (or of {@code |COMMAND}'s output) into TABLE, which is created from the first row
 * when it does not exist. Separators come from the options, else from the output mode.
 */
final class ImportCommands implements DotCommandFamily {
    static final String USAGE = ".import [--csv|--ascii] [--skip N] [--schema S] [-v] FILE TABLE";

    @Override
    public void register(DotCommands commands) {
        commands.add("import", USAGE, "import the rows of FILE into TABLE, creating it from FILE's first row"
                + " if it does not exist", ImportCommands::importFile);
    }

    private record Job(String file, String table, String schema, boolean csv, char columnSeparator,
                       char rowSeparator, int skip, boolean verbose) {
    }

    private static void importFile(Session session, List<String> args) throws Exception {
        Job job = parse(args, session.settings());
        Process process = null;
        Reader source;
        if (job.file.startsWith("|")) {
            process = new ProcessBuilder("sh", "-c", job.file.substring(1)).directory(session.resolve(".").toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            source = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
        } else {
            try {
                source = Files.newBufferedReader(session.resolve(job.file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ShellError("cannot open \"" + job.file + "\"");
            }
        }
        try (Reader in = new BufferedReader(source)) {
            DelimitedReader reader = new DelimitedReader(in, job.file, session.err(), job.csv, job.columnSeparator,
                    job.rowSeparator);
            run(session, job, reader);
        } finally {
            if (process != null) {
                process.destroy();
            }
        }
    }

    private static Job parse(List<String> args, Settings settings) {
        List<String> plain = new ArrayList<>();
        String schema = null;
        Boolean csv = null;
        int skip = 0;
        boolean verbose = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--csv", "-csv" -> csv = true;
                case "--ascii", "-ascii" -> csv = false;
                case "-v" -> verbose = true;
                case "--skip", "-skip", "--schema", "-schema" -> {
                    if (++i >= args.size()) {
                        throw new ShellError("missing argument to " + a + ". Usage: " + USAGE);
                    }
                    if (a.endsWith("skip")) {
                        skip = SettingsCommands.widths(List.of(args.get(i)))[0];
                    } else {
                        schema = args.get(i);
                    }
                }
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        throw new ShellError("unknown option: \"" + a + "\". Usage: " + USAGE);
                    }
                    plain.add(a);
                }
            }
        }
        if (plain.isEmpty()) {
            throw new ShellError("missing FILE argument. Usage: " + USAGE);
        }
        if (plain.size() == 1) {
            throw new ShellError("missing TABLE argument. Usage: " + USAGE);
        }
        if (plain.size() > 2) {
            throw new ShellError("extra argument: \"" + plain.get(2) + "\". Usage: " + USAGE);
        }
        if (csv != null) {
            return new Job(plain.get(0), plain.get(1), schema, csv, csv ? ',' : '\u001f', csv ? '\n' : '\u001e',
                    skip, verbose);
        }
        // As sqlite3: the output mode's separators, CSV's CRLF rows read as LF rows.
        String col = settings.columnSeparator;
        String row = settings.mode == OutputMode.CSV && settings.rowSeparator.equals("\r\n") ? "\n"
                : settings.rowSeparator;
        if (col.isEmpty() || row.isEmpty()) {
            throw new ShellError("non-null " + (col.isEmpty() ? "column" : "row") + " separator required for import");
        }
        if (col.length() > 1 || row.length() > 1) {
            throw new ShellError("multi-character " + (col.length() > 1 ? "column" : "row")
                    + " separators not allowed for import");
        }
        return new Job(plain.get(0), plain.get(1), schema, true, col.charAt(0), row.charAt(0), skip, verbose);
    }

    private static void run(Session session, Job job, DelimitedReader reader) throws IOException, SQLException {
        for (int i = 0; i < job.skip; i++) {
            while (reader.next() != null && reader.endedColumn()) {
                // the rest of a skipped row
            }
        }
        Connection conn = session.connection();
        String target = (job.schema == null ? "" : SchemaCommands.identifier(job.schema) + ".")
                + SchemaCommands.identifier(job.table);
        int columns;
        try {
            columns = columnCount(conn, target);
        } catch (SQLException e) {
            if (!Session.sqliteMessage(e).startsWith("no such table: ")) {
                throw e;
            }
            create(session, job, reader);
            columns = columnCount(conn, target);
        }
        if (columns == 0) {
            return;
        }
        String insert = "INSERT INTO " + target + " VALUES(" + String.join(",", Collections.nCopies(columns, "?")) + ")";
        int rows = 0;
        int errors = 0;
        try (Statement tx = conn.createStatement(); PreparedStatement ps = conn.prepareStatement(insert)) {
            // A savepoint is a transaction of its own outside one, and nests inside one the user began.
            tx.execute("SAVEPOINT rembed_import");
            try {
                int[] counts = insertRows(session, job, reader, ps, columns);
                rows = counts[0];
                errors = counts[1];
            } finally {
                tx.execute("RELEASE rembed_import"); // sqlite3 keeps the rows read before an interrupt too
            }
        }
        if (job.verbose) {
            session.out().text("Added " + rows + " rows with " + errors + " errors using " + (reader.line() - 1)
                    + " lines of input\n");
        }
        if (errors > 0) {
            throw ShellError.reported();
        }
    }

    /** Inserts every row; returns {rows added, rows refused}. */
    private static int[] insertRows(Session session, Job job, DelimitedReader reader, PreparedStatement ps,
                                    int columns) throws IOException {
        int rows = 0;
        int errors = 0;
        do {
            int startLine = reader.line();
            int i = 0;
            for (; i < columns; i++) {
                String field = reader.next();
                if (i == 0 && (field == null || (!job.csv && field.isEmpty()))) {
                    break; // the end of the input, not a row
                }
                bind(ps, i + 1, field);
                if (i < columns - 1 && !reader.endedColumn()) {
                    session.err().println(job.file + ":" + startLine + ": expected " + columns + " columns but found "
                            + (i + 1) + " - filling the rest with NULL");
                    for (int j = i + 2; j <= columns; j++) {
                        bind(ps, j, null);
                    }
                    i = columns;
                }
            }
            if (reader.endedColumn()) {
                do {
                    reader.next();
                    i++;
                } while (reader.endedColumn());
                session.err().println(job.file + ":" + startLine + ": expected " + columns + " columns but found " + i
                        + " - extras ignored");
            }
            if (i >= columns) {
                try {
                    ps.executeUpdate();
                    rows++;
                } catch (SQLException e) {
                    session.err().println(job.file + ":" + startLine + ": INSERT failed: " + Session.sqliteMessage(e));
                    errors++;
                }
            }
        } while (reader.terminator() != DelimitedReader.EOF);
        return new int[] {rows, errors};
    }

    private static void bind(PreparedStatement ps, int index, String value) {
        try {
            ps.setString(index, value);
        } catch (SQLException e) {
            throw new ShellError(Session.sqliteMessage(e));
        }
    }

    private static void create(Session session, Job job, DelimitedReader reader) throws IOException, SQLException {
        List<String> header = new ArrayList<>();
        String field;
        while ((field = reader.next()) != null) {
            header.add(field);
            if (!reader.endedColumn()) {
                break;
            }
        }
        if (header.isEmpty()) {
            session.err().println(job.file + ": empty file");
            throw ShellError.reported();
        }
        ImportColumns columns = new ImportColumns(header);
        String note = columns.renameNote(job.file);
        if (note != null) {
            session.err().println(note);
        }
        String sql = columns.createSql(job.schema, job.table);
        if (job.verbose) {
            session.out().text(sql + "\n\n");
        }
        try (Statement s = session.connection().createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            session.err().println(sql + " failed:\n" + Session.sqliteMessage(e));
            throw ShellError.reported();
        }
    }

    private static int columnCount(Connection conn, String target) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM " + target)) {
            return ps.getMetaData().getColumnCount();
        }
    }
}
