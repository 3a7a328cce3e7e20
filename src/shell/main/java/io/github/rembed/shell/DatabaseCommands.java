package io.github.rembed.shell;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** {@code .open [--new|--readonly] [FILE]} and {@code .databases}. */
final class DatabaseCommands implements DotCommandFamily {
    private static final String OPEN_USAGE = ".open [--new] [--readonly] [FILE]";

    @Override
    public void register(DotCommands commands) {
        commands.add("open", OPEN_USAGE, "close this database and open FILE (default: a new in-memory database);"
                + " --new empties FILE first; TEMP tables, rembed clients included, start afresh",
                DatabaseCommands::open);
        commands.add("databases", ".databases", "list the names and files of the attached databases",
                (session, args) -> databases(session));
    }

    private static void open(Session session, List<String> args) throws Exception {
        boolean fresh = false;
        boolean readonly = false;
        String file = null;
        for (String a : args) {
            switch (a) {
                case "--new", "-new" -> fresh = true;
                case "--readonly", "-readonly" -> readonly = true;
                default -> {
                    if (a.startsWith("-")) {
                        throw new ShellError("unknown option: " + a + ". Usage: " + OPEN_USAGE);
                    }
                    if (file != null) {
                        throw new ShellError("extra argument: \"" + a + "\". Usage: " + OPEN_USAGE);
                    }
                    file = a;
                }
            }
        }
        String name = file == null ? ":memory:" : file;
        Connection next;
        try {
            if (fresh && file != null && !file.startsWith("file:") && !file.equals(":memory:")) {
                Files.deleteIfExists(session.resolve(file));
            }
            next = Shell.open(name, session.resolve("."), readonly);
        } catch (SQLException | java.io.IOException e) {
            // As sqlite3: say so, and go on with an empty in-memory database rather than the old one.
            session.err().println("Error: unable to open database \"" + name + "\": "
                    + (e instanceof SQLException s ? Session.sqliteMessage(s) : e.getMessage()));
            next = Shell.open(":memory:", session.resolve("."), false);
            name = ":memory:";
        }
        session.replaceConnection(next, name);
    }

    private static void databases(Session session) throws SQLException {
        Connection conn = session.connection();
        String access = conn.isReadOnly() ? "r/o" : "r/w";
        StringBuilder out = new StringBuilder();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("PRAGMA database_list")) {
            while (rs.next()) {
                String file = rs.getString("file");
                out.append(rs.getString("name")).append(": ").append(file == null || file.isEmpty() ? "\"\"" : file)
                        .append(' ').append(access).append('\n');
            }
        }
        session.out().text(out.toString());
    }
}
