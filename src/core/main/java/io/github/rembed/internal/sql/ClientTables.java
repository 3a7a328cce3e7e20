package io.github.rembed.internal.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code temp.rembed_clients} and its siblings: TEMP tables whose rows are the clients, so plain
 * INSERT, UPDATE and DELETE manage them as with sqlite-rembed's virtual table, and a rollback
 * undoes them like any other change. Triggers check each new row (an invalid one fails its
 * statement) and make a re-inserted name replace the old row. They live in TEMP because
 * SQLite refuses application functions in triggers of the main schema.
 */
final class ClientTables {
    private ClientTables() {
    }

    /** Creates the table, its triggers and built-in rows if absent; returns true when it was created just now. */
    static boolean create(Connection conn, ClientTable<?> clients) throws SQLException {
        String table = clients.name;
        String check = "SELECT " + ClientRowFunctions.CHECK + "('" + table + "', NEW.name, NEW.options); ";
        String dedupe = "DELETE FROM " + table + " WHERE name = NEW.name AND rowid <> NEW.rowid; ";
        try (Statement s = conn.createStatement()) {
            if (exists(s, table)) {
                return false;
            }
            s.executeUpdate("CREATE TEMP TABLE " + table + "(name TEXT NOT NULL, options TEXT)");
            s.executeUpdate("CREATE TEMP TRIGGER " + table + "_insert AFTER INSERT ON " + table + " BEGIN "
                    + check + dedupe + "END");
            s.executeUpdate("CREATE TEMP TRIGGER " + table + "_update AFTER UPDATE ON " + table + " BEGIN "
                    + check + dedupe + "END");
            String[] builtins = clients.builtins();
            for (int i = 0; i + 1 < builtins.length; i += 2) {
                try (var ps = conn.prepareStatement("INSERT INTO temp." + table + "(name, options) VALUES (?, ?)")) {
                    ps.setString(1, builtins[i]);
                    ps.setString(2, builtins[i + 1]);
                    ps.executeUpdate();
                }
            }
            return true;
        }
    }

    private static boolean exists(Statement s, String table) throws SQLException {
        try (var rs = s.executeQuery("SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = '"
                + table + "'")) {
            return rs.next();
        }
    }

    static final String MULTIMODAL_CONFIG = "rembed_multimodal_clients_config";

    /**
     * {@code temp.rembed_multimodal_clients_config}: one column per setting, as in the
     * concurrent-processing document. Its triggers keep {@code temp.rembed_multimodal_clients}
     * in step on INSERT, UPDATE and DELETE; NULL columns take the defaults.
     */
    static void createMultimodalConfig(Connection conn) throws SQLException {
        String t = MULTIMODAL_CONFIG;
        String clients = "temp." + ClientTable.MULTIMODAL.name;
        // json_patch drops the keys whose value is NULL, so they take their defaults.
        String upsertNew = "INSERT INTO " + clients + "(name, options) VALUES (NEW.name, json_patch('{}', json_object("
                + "'vision_model', NEW.vision_model, 'embedding_model', NEW.embedding_model, "
                + "'max_concurrent_requests', NEW.max_concurrent_requests, 'request_timeout_sec', "
                + "NEW.request_timeout_sec, 'batch_size', NEW.batch_size))); "
                + "DELETE FROM " + t + " WHERE name = NEW.name AND rowid <> NEW.rowid; ";
        String dropOld = "DELETE FROM " + clients + " WHERE name = OLD.name; ";
        try (Statement s = conn.createStatement()) {
            if (exists(s, t)) {
                return;
            }
            s.executeUpdate("CREATE TEMP TABLE " + t + "(name TEXT NOT NULL, vision_model TEXT, embedding_model TEXT, "
                    + "max_concurrent_requests INTEGER, request_timeout_sec INTEGER, batch_size INTEGER)");
            s.executeUpdate("CREATE TEMP TRIGGER " + t + "_insert AFTER INSERT ON " + t + " BEGIN " + upsertNew + "END");
            s.executeUpdate("CREATE TEMP TRIGGER " + t + "_update AFTER UPDATE ON " + t + " BEGIN "
                    + "DELETE FROM " + clients + " WHERE name = OLD.name AND OLD.name IS NOT NEW.name "
                    + "AND NOT EXISTS (SELECT 1 FROM " + t + " WHERE name = OLD.name); " + upsertNew + "END");
            s.executeUpdate("CREATE TEMP TRIGGER " + t + "_delete AFTER DELETE ON " + t
                    + " WHEN NOT EXISTS (SELECT 1 FROM " + t + " WHERE name = OLD.name) BEGIN " + dropOld + "END");
        }
    }
}
