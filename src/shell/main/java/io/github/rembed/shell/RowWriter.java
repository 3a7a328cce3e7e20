package io.github.rembed.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes one {@code .embed-images} row per path: the existing row is updated, or a new one
 * inserted, in one savepoint. So a table made by the user without a key on {@code path} gets
 * no duplicates on reruns, and each row is committed as soon as it is written.
 */
final class RowWriter implements AutoCloseable {
    private final Statement savepoints;
    private final PreparedStatement update;
    private final PreparedStatement insert;

    RowWriter(Connection conn, String table) throws SQLException {
        savepoints = conn.createStatement();
        update = conn.prepareStatement("UPDATE " + table + " SET sha256 = ?, embedding = ?, error = ?,"
                + " embedded_at = CURRENT_TIMESTAMP WHERE path = ?");
        insert = conn.prepareStatement("INSERT INTO " + table + "(path, sha256, embedding, error, embedded_at)"
                + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)");
    }

    void write(String path, String sha, byte[] embedding, String error) {
        try {
            savepoints.execute("SAVEPOINT rembed_row");
            try {
                update.setString(1, sha);
                update.setBytes(2, embedding);
                update.setString(3, error);
                update.setString(4, path);
                if (update.executeUpdate() == 0) {
                    insert.setString(1, path);
                    insert.setString(2, sha);
                    insert.setBytes(3, embedding);
                    insert.setString(4, error);
                    insert.executeUpdate();
                }
                savepoints.execute("RELEASE rembed_row");
            } catch (SQLException e) {
                savepoints.execute("ROLLBACK TO rembed_row");
                savepoints.execute("RELEASE rembed_row");
                throw e;
            }
        } catch (SQLException e) {
            throw new ShellError("cannot write the row for " + path + ": " + Session.sqliteMessage(e));
        }
    }

    @Override
    public void close() throws SQLException {
        try (savepoints; update; insert) {
            // closes all three
        }
    }
}
