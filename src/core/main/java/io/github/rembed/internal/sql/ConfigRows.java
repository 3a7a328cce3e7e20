package io.github.rembed.internal.sql;

import io.github.rembed.RembedConfig;
import io.github.rembed.RembedException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sqlite.SQLiteConnection;

/** Puts a configuration's extensions and client rows into a connection, as its own SQL would. */
final class ConfigRows {
    private ConfigRows() {
    }

    static void apply(SQLiteConnection conn, RembedConfig config) throws SQLException {
        for (Path library : config.extensions()) {
            load(conn, library);
        }
        for (RembedConfig.ClientRow row : config.clients()) {
            // The table's triggers parse the row and replace an older one of the same name.
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO temp." + row.table()
                    + "(name, options) VALUES (?, ?)")) {
                ps.setString(1, row.name());
                ps.setString(2, row.options());
                ps.executeUpdate();
            }
        }
    }

    private static void load(SQLiteConnection conn, Path library) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT load_extension(?)")) {
            ps.setString(1, library.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        } catch (SQLException e) {
            String why = e.getMessage() == null ? "" : e.getMessage();
            throw new RembedException("cannot load extension " + library + ": " + why
                    + (why.contains("not authorized") ? "; this connection does not allow extensions: open it with "
                    + "SQLiteConfig.enableLoadExtension(true) or SQLiteDataSource.setLoadExtension(true)" : ""));
        }
    }
}
