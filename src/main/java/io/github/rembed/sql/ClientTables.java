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
}
