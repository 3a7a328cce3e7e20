package io.github.rembed.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code temp.rembed_clients}: a TEMP table whose triggers call back into Java, so plain
 * INSERT and DELETE register clients as with sqlite-rembed's virtual table. Re-inserting a
 * name replaces the old row. The triggers live in TEMP because SQLite refuses functions
 * with side effects in triggers of the main schema.
 */
final class ClientTables {
    static final String REGISTER = "rembed__client_register";
    static final String UNREGISTER = "rembed__client_unregister";

    private ClientTables() {
    }

    /** Creates the table and its triggers if absent; returns true when it was created just now. */
    static boolean create(Connection conn, String table, String... builtins) throws SQLException {
        try (Statement s = conn.createStatement()) {
            boolean exists;
            try (var rs = s.executeQuery("SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = '"
                    + table + "'")) {
                exists = rs.next();
            }
            if (exists) {
                return false;
            }
            s.executeUpdate("CREATE TEMP TABLE " + table + "(name TEXT NOT NULL, options TEXT)");
            s.executeUpdate("CREATE TEMP TRIGGER " + table + "_insert AFTER INSERT ON " + table + " BEGIN "
                    + "SELECT " + REGISTER + "('" + table + "', NEW.name, NEW.options); "
                    + "DELETE FROM " + table + " WHERE name = NEW.name AND rowid <> NEW.rowid; END");
            s.executeUpdate("CREATE TEMP TRIGGER " + table + "_update AFTER UPDATE ON " + table + " BEGIN "
                    + "SELECT " + UNREGISTER + "('" + table + "', OLD.name) WHERE OLD.name IS NOT NEW.name "
                    + "AND NOT EXISTS (SELECT 1 FROM " + table + " WHERE name = OLD.name); "
                    + "SELECT " + REGISTER + "('" + table + "', NEW.name, NEW.options); "
                    + "DELETE FROM " + table + " WHERE name = NEW.name AND rowid <> NEW.rowid; END");
            s.executeUpdate("CREATE TEMP TRIGGER " + table + "_delete AFTER DELETE ON " + table
                    + " WHEN NOT EXISTS (SELECT 1 FROM " + table + " WHERE name = OLD.name) BEGIN "
                    + "SELECT " + UNREGISTER + "('" + table + "', OLD.name); END");
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

    static final String MULTIMODAL_CONFIG = "rembed_multimodal_clients_config";

    /**
     * {@code temp.rembed_multimodal_clients_config}: one column per setting, as in the
     * concurrent-processing document. Its INSERT trigger registers the client through
     * {@code temp.rembed_multimodal_clients}; NULL columns take the defaults.
     */
    static void createMultimodalConfig(Connection conn) throws SQLException {
        String t = MULTIMODAL_CONFIG;
        try (Statement s = conn.createStatement()) {
            try (var rs = s.executeQuery("SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = '" + t + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.executeUpdate("CREATE TEMP TABLE " + t + "(name TEXT NOT NULL, vision_model TEXT, embedding_model TEXT, "
                    + "max_concurrent_requests INTEGER, request_timeout_sec INTEGER, batch_size INTEGER)");
            // json_patch drops the keys whose value is NULL, so they take their defaults.
            s.executeUpdate("CREATE TEMP TRIGGER " + t + "_insert AFTER INSERT ON " + t + " BEGIN "
                    + "INSERT INTO temp." + ConnectionState.MULTIMODAL_CLIENTS + "(name, options) VALUES (NEW.name, "
                    + "json_patch('{}', json_object('vision_model', NEW.vision_model, 'embedding_model', "
                    + "NEW.embedding_model, 'max_concurrent_requests', NEW.max_concurrent_requests, "
                    + "'request_timeout_sec', NEW.request_timeout_sec, 'batch_size', NEW.batch_size))); "
                    + "DELETE FROM " + t + " WHERE name = NEW.name AND rowid <> NEW.rowid; END");
            s.executeUpdate("CREATE TEMP TRIGGER " + t + "_delete AFTER DELETE ON " + t
                    + " WHEN NOT EXISTS (SELECT 1 FROM " + t + " WHERE name = OLD.name) BEGIN "
                    + "DELETE FROM temp." + ConnectionState.MULTIMODAL_CLIENTS + " WHERE name = OLD.name; END");
        }
    }
}
