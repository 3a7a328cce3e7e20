package io.github.rembed.bench;

import io.github.rembed.Rembed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The few JDBC calls the benchmarks make: what a user of sqlite-jdbc writes. */
final class Sql {
    private Sql() {
    }

    static Connection open() throws SQLException {
        Connection conn = DriverManager.getConnection("jdbc:sqlite::memory:");
        Rembed.register(conn);
        return conn;
    }

    static void exec(Connection conn, String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row of {@code sql} with {@code args} bound, as a string. */
    static String text(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no row from " + sql);
                }
                return rs.getString(1);
            }
        }
    }

    /** Runs {@code sql} and reads every row, so every function call in it happens; returns the row count. */
    static int drain(Connection conn, String sql) throws SQLException {
        int n = 0;
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rs.getObject(1);
                n++;
            }
        }
        return n;
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
