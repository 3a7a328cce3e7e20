package io.github.rembed.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@code .parameter} (or {@code .param}) {@code clear | init | list | set NAME VALUE | unset NAME},
 * as in sqlite3: NAME is the parameter exactly as statements write it ({@code :q}, {@code @q},
 * {@code $q}); VALUE is an SQL literal or expression ({@code 42}, {@code 2.5}, {@code 'text'},
 * {@code x'00ff'}) and anything that is not one is taken as text.
 */
final class ParameterCommands implements DotCommandFamily {
    private static final String USAGE = ".parameter clear|init|list|set NAME VALUE|unset NAME";

    @Override
    public void register(DotCommands commands) {
        commands.add("parameter", USAGE, "bind parameters (:NAME, @NAME, $NAME) of later statements",
                ParameterCommands::run);
    }

    private static void run(Session session, List<String> args) throws SQLException {
        Connection conn = session.connection();
        String sub = args.isEmpty() ? "" : args.get(0);
        switch (sub) {
            case "clear" -> exec(conn, "DROP TABLE IF EXISTS " + SqlParameters.TABLE);
            case "init" -> SqlParameters.createTable(conn);
            case "list" -> list(session);
            case "set" -> {
                if (args.size() != 3) {
                    throw new ShellError("Usage: .parameter set NAME VALUE");
                }
                set(conn, args.get(1), args.get(2));
            }
            case "unset" -> {
                if (args.size() != 2) {
                    throw new ShellError("Usage: .parameter unset NAME");
                }
                if (SqlParameters.tableExists(conn)) {
                    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + SqlParameters.TABLE
                            + " WHERE key = ?")) {
                        ps.setString(1, args.get(1));
                        ps.executeUpdate();
                    }
                }
            }
            default -> throw new ShellError("Usage: " + USAGE);
        }
    }

    /** The value as an SQL expression first (it may use other parameters); failing that, as text. */
    private static void set(Connection conn, String name, String value) throws SQLException {
        SqlParameters.createTable(conn);
        String insert = "REPLACE INTO " + SqlParameters.TABLE + "(key, value) VALUES(" + literal(name) + ", ";
        String sql = insert + value + ")";
        PreparedStatement prepared;
        try {
            prepared = conn.prepareStatement(sql);
        } catch (SQLException notAnExpression) {
            sql = insert + literal(value) + ")";
            prepared = conn.prepareStatement(sql);
        }
        try (PreparedStatement ps = prepared) {
            SqlParameters.bind(conn, ps, sql);
            ps.executeUpdate();
        }
    }

    /** Names padded to the longest (at most 40), then each value as an SQL literal. */
    private static void list(Session session) throws SQLException {
        Connection conn = session.connection();
        if (!SqlParameters.tableExists(conn)) {
            return;
        }
        try (Statement s = conn.createStatement()) {
            int width;
            try (ResultSet rs = s.executeQuery("SELECT max(length(key)) FROM " + SqlParameters.TABLE)) {
                width = rs.next() ? Math.min(40, rs.getInt(1)) : 0;
            }
            if (width == 0) {
                return;
            }
            try (ResultSet rs = s.executeQuery("SELECT key, quote(value) FROM " + SqlParameters.TABLE)) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    session.out().text(key + " ".repeat(Math.max(0, width - key.length())) + " " + rs.getString(2)
                            + "\n");
                }
            }
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static void exec(Connection conn, String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }
}
