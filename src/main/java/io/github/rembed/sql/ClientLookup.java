package io.github.rembed.sql;

import io.github.rembed.RembedException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConnection;

/**
 * Finds a client by reading its row. The client tables are the only record of which clients
 * a connection has, so a rolled-back INSERT or DELETE (a whole transaction, a savepoint, or a
 * failed statement) takes its client with it, exactly as it takes the row. Parsed rows are
 * cached per connection, keyed by their options text.
 */
final class ClientLookup {
    private ClientLookup() {
    }

    /** The client called {@code name}, or an error that lists the ones that exist. */
    static <T> T get(SQLiteConnection conn, ConnectionState state, ClientTable<T> table, String name) {
        String options = options(conn, table, name);
        if (options == null) {
            throw new RembedException("unknown " + table.kind + " '" + name + "'; registered " + table.kind + "s: "
                    + String.join(", ", names(conn, table)) + " (add one with INSERT INTO temp." + table.name
                    + "(name, options))");
        }
        return state.parsed.get(table, name, options, () -> table.parse(state, name, options));
    }

    static boolean has(SQLiteConnection conn, ClientTable<?> table, String name) {
        return options(conn, table, name) != null;
    }

    /** The options of the row called {@code name} (the newest, should there be several), or null. */
    private static String options(SQLiteConnection conn, ClientTable<?> table, String name) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT options FROM temp." + table.name
                + " WHERE name = ? ORDER BY rowid DESC LIMIT 1")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? nullToEmpty(rs.getString(1)) : null;
            }
        } catch (SQLException e) {
            throw new RembedException("cannot read temp." + table.name + ": " + e.getMessage());
        }
    }

    private static List<String> names(SQLiteConnection conn, ClientTable<?> table) {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT DISTINCT name FROM temp." + table.name
                + " ORDER BY name"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new RembedException("cannot read temp." + table.name + ": " + e.getMessage());
        }
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
