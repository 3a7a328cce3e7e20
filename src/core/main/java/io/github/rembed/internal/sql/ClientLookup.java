package io.github.rembed.internal.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.rembed.RembedException;
import io.github.rembed.internal.client.ClientOptions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * The client called {@code name}, or an error that lists the ones that exist. The multimodal
     * fork registers multimodal clients in {@code temp.rembed_clients} (options naming a vision
     * or embedding model): such a row is a multimodal client, not a text client.
     */
    @SuppressWarnings("unchecked")
    static <T> T get(SQLiteConnection conn, ConnectionState state, ClientTable<T> table, String name) {
        String options = options(conn, table, name);
        if (table == ClientTable.TEXT && options != null && ClientOptions.isMultimodal(options)) {
            throw new RembedException("client '" + name + "' is a multimodal client (its options name a vision or "
                    + "embedding model): use it with rembed_image or rembed_images_concurrent");
        }
        if (table == ClientTable.MULTIMODAL && options == null) {
            String textRow = options(conn, ClientTable.TEXT, name);
            if (textRow != null && ClientOptions.isMultimodal(textRow)) {
                return (T) state.parsed.get(ClientTable.MULTIMODAL, name, textRow,
                        () -> state.multimodalOptions().parse(name, textRow));
            }
        }
        if (options == null) {
            throw new RembedException(table.kind + " '" + name + "' was not registered; registered " + table.kind
                    + "s: " + String.join(", ", names(conn, table)) + " (add one with INSERT INTO temp." + table.name
                    + "(name, options))");
        }
        return state.parsed.get(table, name, options, () -> table.parse(state, name, options));
    }

    /** True when {@code name} is a multimodal client: a row of the multimodal table, or the fork's form in the text table. */
    static boolean isMultimodal(SQLiteConnection conn, String name) {
        String text = options(conn, ClientTable.TEXT, name);
        return text != null ? ClientOptions.isMultimodal(text) : options(conn, ClientTable.MULTIMODAL, name) != null;
    }

    static boolean has(SQLiteConnection conn, ClientTable<?> table, String name) {
        return options(conn, table, name) != null;
    }

    /** Checks a row as its INSERT or UPDATE writes it: the parse error, or nothing. */
    static void check(ConnectionState state, ClientTable<?> table, String name, String options) {
        if (table == ClientTable.TEXT && options != null && ClientOptions.isMultimodal(options)) {
            state.multimodalOptions().parse(name, options);
        } else {
            table.parse(state, name, options);
        }
    }

    /**
     * The options of the row called {@code name} (the newest, should there be several), or null.
     * The query returns exactly one row whatever the table holds: a query that finds no row ends
     * at once, and sqlite-jdbc then commits in autocommit mode, which fails while the statement
     * that called the function is still running (a {@code CREATE TABLE ... AS SELECT rembed...}).
     */
    private static String options(SQLiteConnection conn, ClientTable<?> table, String name) {
        String rows = "FROM temp." + table.name + " WHERE name = ?1";
        try (PreparedStatement ps = conn.prepareStatement("SELECT EXISTS (SELECT 1 " + rows + "), (SELECT options "
                + rows + " ORDER BY rowid DESC LIMIT 1)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1) ? nullToEmpty(rs.getString(2)) : null;
            }
        } catch (SQLException e) {
            throw new RembedException("cannot read temp." + table.name + ": " + e.getMessage());
        }
    }

    /** The names of a table's clients; multimodal ones include those the fork's way registered. */
    private static List<String> names(SQLiteConnection conn, ClientTable<?> table) {
        Set<String> out = new LinkedHashSet<>();
        // One row, a JSON array of [name, options, from the text table], for the reason given at options().
        try (PreparedStatement ps = conn.prepareStatement("SELECT json_group_array(json_array(name, options, text)) "
                + "FROM (SELECT name, options, 1 AS text FROM temp." + ClientTable.TEXT.name
                + " UNION SELECT name, NULL, 0 FROM temp." + ClientTable.MULTIMODAL.name + " ORDER BY name)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            for (JsonNode row : JsonArrays.JSON.readTree(rs.getString(1))) {
                boolean fromTextTable = row.get(2).asInt() == 1;
                boolean multimodal = !fromTextTable || ClientOptions.isMultimodal(row.get(1).isNull() ? null
                        : row.get(1).asText());
                if (multimodal == (table == ClientTable.MULTIMODAL)) {
                    out.add(row.get(0).asText());
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new RembedException("cannot read temp." + table.name + ": " + e.getMessage());
        }
        return List.copyOf(out);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
