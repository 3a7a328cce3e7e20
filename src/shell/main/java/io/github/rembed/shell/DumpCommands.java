package io.github.rembed.shell;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .dump}: the main database as SQL text that sqlite3 (or this shell) reads back into the
 * same database, laid out as sqlite3's own {@code .dump}: tables with their rows, then indexes,
 * triggers and views, in one transaction. TEMP objects (rembed's clients among them) are not
 * part of it.
 */
final class DumpCommands implements DotCommandFamily {
    static final String USAGE = ".dump [--data-only] [--newlines] [--nosys] [OBJECTS...]";

    @Override
    public void register(DotCommands commands) {
        commands.add("dump", USAGE, "the database (or the tables LIKE OBJECTS) as SQL text, as sqlite3 writes it",
                DumpCommands::dump);
    }

    private record Options(boolean dataOnly, boolean keepNewlines, boolean noSys, String where) {
    }

    private static Options parse(List<String> args) {
        boolean dataOnly = false;
        boolean keepNewlines = false;
        boolean noSys = false;
        List<String> like = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-")) {
                switch (a.replaceFirst("^--?", "")) {
                    case "data-only" -> dataOnly = true;
                    case "newlines" -> keepNewlines = true;
                    case "nosys" -> noSys = true;
                    default -> throw new ShellError("unknown option \"" + a + "\" on \".dump\". Usage: " + USAGE);
                }
            } else {
                // A pattern names a table, or a virtual table together with its shadow tables.
                String p = SchemaCommands.literal(a);
                like.add("name LIKE " + p + " ESCAPE '\\' OR EXISTS (SELECT 1 FROM sqlite_schema WHERE name LIKE " + p
                        + " ESCAPE '\\' AND sql LIKE 'CREATE VIRTUAL TABLE%' AND o.name LIKE name||'\\_%' ESCAPE '\\')");
            }
        }
        return new Options(dataOnly, keepNewlines, noSys, like.isEmpty() ? "true" : String.join(" OR ", like));
    }

    private static void dump(Session session, List<String> args) throws SQLException {
        Options o = parse(args);
        Connection conn = session.connection();
        Output out = session.out();
        try (Statement s = conn.createStatement()) {
            s.execute("SAVEPOINT rembed_dump"); // one consistent snapshot
            try {
                if (!o.dataOnly) {
                    out.text("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
                }
                int errors = 0;
                boolean writableSchema = false;
                for (String[] t : rows(conn, "SELECT name, type, sql FROM sqlite_schema AS o WHERE (" + o.where
                        + ") AND type == 'table' AND sql NOT NULL ORDER BY tbl_name = 'sqlite_sequence', rowid", 3)) {
                    try {
                        writableSchema |= table(session, o, t[0], t[1], t[2], writableSchema);
                    } catch (SQLException e) {
                        out.text("/**** ERROR: " + Session.sqliteMessage(e) + " *****/\n");
                        errors++;
                    }
                }
                if (!o.dataOnly) {
                    for (String[] r : rows(conn, "SELECT sql FROM sqlite_schema AS o WHERE (" + o.where
                            + ") AND sql NOT NULL AND type IN ('index', 'trigger', 'view')", 1)) {
                        out.text(r[0] + (r[0].contains("--") ? "\n;\n" : ";\n"));
                    }
                }
                if (writableSchema) {
                    out.text("PRAGMA writable_schema=OFF;\n");
                }
                if (!o.dataOnly) {
                    out.text(errors > 0 ? "ROLLBACK; -- due to errors\n" : "COMMIT;\n");
                }
            } finally {
                s.execute("RELEASE rembed_dump");
            }
        }
    }

    /** One table's CREATE statement and rows; returns true if it switched writable_schema on. */
    private static boolean table(Session session, Options o, String name, String type, String sql,
                                 boolean writableSchema) throws SQLException {
        Output out = session.out();
        boolean switchedOn = false;
        if (name.equals("sqlite_sequence") && !o.noSys) {
            if (!o.dataOnly) {
                out.text("DELETE FROM sqlite_sequence;\n");
            }
        } else if (name.matches("sqlite_stat.") && !o.noSys) {
            if (!o.dataOnly) {
                out.text("ANALYZE sqlite_schema;\n");
            }
        } else if (name.startsWith("sqlite_")) {
            return false;
        } else if (o.dataOnly) {
            // rows only
        } else if (sql.startsWith("CREATE VIRTUAL TABLE")) {
            // A virtual table is recreated by its schema row; its data lives in its shadow tables.
            if (!writableSchema) {
                out.text("PRAGMA writable_schema=ON;\n");
                switchedOn = true;
            }
            String n = name.replace("'", "''");
            out.text("INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','" + n + "','" + n
                    + "',0,'" + sql.replace("'", "''") + "');\n");
            return switchedOn;
        } else {
            out.text(DumpText.schemaLine(sql));
        }
        if (type.equals("table")) {
            insertStatements(session, o, name);
        }
        return switchedOn;
    }

    private static void insertStatements(Session session, Options o, String table) throws SQLException {
        Connection conn = session.connection();
        List<String> columns = new ArrayList<>();
        for (String[] c : rows(conn, "SELECT name FROM pragma_table_info(" + SchemaCommands.literal(table) + ")", 1)) {
            columns.add(DumpText.name(c[0]));
        }
        if (columns.isEmpty()) {
            throw new SQLException("no columns in table " + table);
        }
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            select.append(i > 0 ? ", " : "").append("typeof(").append(c).append("), CASE WHEN typeof(").append(c)
                    .append(") = 'real' THEN ").append(DumpText.realSql(c)).append(" ELSE ").append(c).append(" END");
        }
        select.append(" FROM ").append(DumpText.name(table));
        String insert = "INSERT INTO " + DumpText.name(table) + " VALUES(";
        Output out = session.out();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(select.toString())) {
            while (rs.next()) {
                StringBuilder line = new StringBuilder(insert);
                for (int i = 0; i < columns.size(); i++) {
                    line.append(i > 0 ? "," : "").append(value(rs, 2 * i + 1, o.keepNewlines));
                }
                out.text(line.append(");\n").toString());
            }
        }
    }

    private static String value(ResultSet rs, int typeColumn, boolean keepNewlines) throws SQLException {
        return switch (rs.getString(typeColumn)) {
            case "null" -> "NULL";
            case "integer", "real" -> rs.getString(typeColumn + 1);
            case "blob" -> DumpText.blob(rs.getBytes(typeColumn + 1));
            default -> DumpText.text(rs.getString(typeColumn + 1), keepNewlines);
        };
    }

    private static List<String[]> rows(Connection conn, String sql, int width) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String[] row = new String[width];
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }
}
