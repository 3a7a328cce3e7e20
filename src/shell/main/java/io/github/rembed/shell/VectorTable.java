package io.github.rembed.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The table a bulk command fills: one row per source item, keyed by {@code key}, holding the
 * content's SHA-256, the vector or the error, and which client, model and dimensions made the
 * vector. It refuses vectors of another model or size than the ones it holds, and it writes
 * a whole batch of rows in one transaction, so a crash keeps every finished batch and no half one.
 */
final class VectorTable {
    private static final String NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
    private static final Pattern NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");

    /** One row to write: the vector or the error, and what made it. */
    record Row(Object key, String sha256, byte[] embedding, String error, String caption) {
    }

    private final Connection conn;
    private final String table;
    private final String key;
    private final boolean captions;
    private final String client;
    private final String model;
    private final String visionModel;
    /** Dimensions of the vectors already in the table, or 0 while it holds none. */
    private int dimensions;

    /**
     * @param key         the key column: {@code path} for images, {@code id} for texts
     * @param visionModel for images, the model whose captions are embedded; {@code null} for texts
     */
    VectorTable(Connection conn, String table, String key, String client, String model, String visionModel) {
        if (!NAME.matcher(table).matches()) {
            throw new ShellError("table name must be a plain identifier such as photos or main.photos, got '"
                    + table + "'");
        }
        this.conn = conn;
        this.table = table;
        this.key = key;
        this.captions = visionModel != null;
        this.client = client;
        this.model = model;
        this.visionModel = visionModel;
    }

    String name() {
        return table;
    }

    String model() {
        return model;
    }

    /**
     * Creates the table, or adds the newer columns to one made before they existed; then checks
     * that its vectors are of this model. With {@code reembed} it empties the table instead, so
     * that a rerun after a crash goes on without {@code --reembed}.
     *
     * @return how many rows {@code reembed} removed
     */
    int prepare(String command, boolean reembed) throws SQLException {
        checkWritable(command);
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS " + table + "(" + key + (key.equals("id") ? "" : " TEXT")
                    + " PRIMARY KEY, sha256 TEXT, embedding BLOB, error TEXT, client TEXT, model TEXT, "
                    + (captions ? "vision_model TEXT, caption TEXT, " : "") + "dimensions INTEGER, embedded_at TEXT)");
            Set<String> have = columns();
            for (String c : captions ? List.of("client", "model", "vision_model", "caption", "dimensions")
                    : List.of("client", "model", "dimensions")) {
                if (!have.contains(c)) {
                    s.executeUpdate("ALTER TABLE " + table + " ADD COLUMN " + c + (c.equals("dimensions")
                            ? " INTEGER" : " TEXT"));
                }
            }
            if (reembed) {
                return s.executeUpdate("DELETE FROM " + table);
            }
        }
        checkModel(command);
        return 0;
    }

    private Set<String> columns() throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT name FROM pragma_table_xinfo(?, ?)")) {
            int dot = table.indexOf('.');
            ps.setString(1, dot < 0 ? table : table.substring(dot + 1));
            ps.setString(2, dot < 0 ? "main" : table.substring(0, dot));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** Refuses a table that holds vectors of another model, another size, or of no recorded model. */
    private void checkModel(String command) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT model, length(embedding) / 4,"
                + " count(*) FROM " + table + " WHERE embedding IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC")) {
            while (rs.next()) {
                String theirs = rs.getString(1);
                int dims = rs.getInt(2);
                long count = rs.getLong(3);
                if (theirs == null || !theirs.equals(model)) {
                    throw new ShellError("table " + table + " holds " + count + " vector" + (count == 1 ? "" : "s")
                            + " of " + (theirs == null ? "a model it did not record" : "model " + theirs) + " (" + dims
                            + " dimensions), but client '" + client + "' embeds with " + model + "; vectors of two "
                            + "models cannot be compared. Use another table, or run " + command + " again with "
                            + "--reembed to replace them all");
                }
                if (dimensions != 0 && dims != dimensions) {
                    throw new ShellError("table " + table + " holds vectors of " + dimensions + " and of " + dims
                            + " dimensions; run " + command + " again with --reembed to replace them all");
                }
                dimensions = dims;
            }
        }
    }

    private static void rollback(Statement tx) {
        try {
            tx.execute("ROLLBACK");
        } catch (SQLException e) {
            // the failure that brought us here says more; SQLite may have rolled back already
        }
    }

    /**
     * Refuses to start, before any request is paid for, when the rows could not be kept: inside
     * an open transaction (a crash or a missing COMMIT would drop every row reported done) or
     * on a database that cannot be written. Both are found by opening a transaction of its own
     * and trying a write that is rolled back.
     */
    private void checkWritable(String command) throws SQLException {
        try (Statement s = conn.createStatement()) {
            try {
                s.execute("BEGIN");
            } catch (SQLException e) {
                if (Session.sqliteMessage(e).contains("within a transaction")) {
                    throw new ShellError(command + " cannot run inside an open transaction: it commits each batch as"
                            + " it goes, and its rows would be lost if the transaction were rolled back or never"
                            + " committed; COMMIT or ROLLBACK first");
                }
                throw e;
            }
            try {
                s.execute("CREATE TABLE " + schema() + ".rembed_write_check(x)");
            } catch (SQLException e) {
                throw new ShellError("cannot write to " + table + ": " + Session.sqliteMessage(e));
            } finally {
                s.execute("ROLLBACK");
            }
        }
    }

    private String schema() {
        int dot = table.indexOf('.');
        return dot < 0 ? "main" : table.substring(0, dot);
    }

    /**
     * Writes {@code rows} in one transaction. A vector whose size differs from the table's stops
     * the command before anything of its batch is written.
     */
    void write(List<Row> rows) throws SQLException {
        for (Row r : rows) {
            if (r.embedding() != null) {
                int dims = r.embedding().length / 4;
                if (dimensions == 0) {
                    dimensions = dims;
                } else if (dims != dimensions) {
                    throw new ShellError("client '" + client + "' returned " + dims + "-dimension vectors, but table "
                            + table + " holds " + dimensions + "-dimension vectors of " + model
                            + "; run again with --reembed to replace them all");
                }
            }
        }
        List<String> columns = new ArrayList<>(List.of("sha256", "embedding", "error", "client", "model",
                "dimensions"));
        if (captions) {
            columns.addAll(List.of("vision_model", "caption"));
        }
        // Update the row, else insert it: a table made without a key on the key column gets no duplicates.
        String update = "UPDATE " + table + " SET " + String.join(" = ?, ", columns) + " = ?, embedded_at = "
                + NOW + " WHERE " + key + " = ?";
        String insert = "INSERT INTO " + table + "(" + String.join(", ", columns) + ", embedded_at, " + key
                + ") VALUES (" + "?, ".repeat(columns.size()) + NOW + ", ?)";
        try (Statement tx = conn.createStatement()) {
            tx.execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try (PreparedStatement up = conn.prepareStatement(update); PreparedStatement in = conn.prepareStatement(insert)) {
                for (Row r : rows) {
                    bind(up, r);
                    if (up.executeUpdate() == 0) {
                        bind(in, r);
                        in.executeUpdate();
                    }
                }
                tx.execute("COMMIT");
                committed = true;
            } finally {
                if (!committed) {
                    rollback(tx);
                }
            }
        }
    }

    /** The row's values in the order of {@link #write}'s columns, the key last. */
    private void bind(PreparedStatement ps, Row r) throws SQLException {
        boolean embedded = r.embedding() != null;
        int i = 0;
        ps.setString(++i, r.sha256());
        ps.setBytes(++i, r.embedding());
        ps.setString(++i, r.error());
        ps.setString(++i, embedded ? client : null);
        ps.setString(++i, embedded ? model : null);
        ps.setObject(++i, embedded ? r.embedding().length / 4 : null);
        if (captions) {
            ps.setString(++i, embedded ? visionModel : null);
            ps.setString(++i, r.caption());
        }
        ps.setObject(++i, r.key());
    }
}
