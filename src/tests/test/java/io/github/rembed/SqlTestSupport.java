package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Small helpers for tests that run real SQL through sqlite-jdbc. */
public final class SqlTestSupport {
    private SqlTestSupport() {
    }

    public static Connection open(RembedConfig config) throws SQLException {
        Connection conn = DriverManager.getConnection("jdbc:sqlite::memory:");
        Rembed.register(conn, config);
        return conn;
    }

    public static Connection open() throws SQLException {
        return open(RembedConfig.defaults());
    }

    public static Object scalar(Connection conn, String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    public static String text(Connection conn, String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    public static byte[] blob(Connection conn, String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    /** The names in {@code temp.rembed_clients}, sorted, comma-separated. */
    public static String clientNames(Connection conn) throws SQLException {
        return text(conn, "SELECT group_concat(name, ',') FROM (SELECT name FROM temp.rembed_clients ORDER BY name)");
    }

    /** Adds text client {@code name} with {@code rembed_client_options(<optionArguments>)}. */
    public static void addClient(Connection conn, String name, String optionArguments) throws SQLException {
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('" + name + "', rembed_client_options("
                + optionArguments + "))");
    }

    public static void exec(Connection conn, String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    /** Runs {@code sql}, expects it to fail, and returns the SQL error message. */
    public static String error(Connection conn, String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement s = conn.createStatement()) {
                if (s.execute(sql)) {
                    try (ResultSet rs = s.getResultSet()) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                }
            }
        }, sql).getMessage();
    }
}
