package io.github.rembed.internal.sql;

import io.github.rembed.RembedConfig;
import io.github.rembed.RembedException;
import io.github.rembed.internal.client.ClientOptions;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.client.MultimodalOptions;
import io.github.rembed.internal.client.MultimodalSpec;
import io.github.rembed.internal.runtime.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.WeakHashMap;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;

/** Installs every rembed function and client table on a sqlite-jdbc connection. */
public final class Registrar {
    /**
     * Per-connection state survives a second {@code register}, so registered clients are kept.
     * The one process-wide table of the library: sqlite-jdbc has no place on a connection for
     * it, and {@code Rembed.textClient(connection, name)} must find it from the connection
     * alone. Weak keys: a connection dropped unclosed takes its entry with it. Each state names
     * the runtime its calls run on.
     */
    private static final Map<SQLiteConnection, ConnectionState> STATES = new WeakHashMap<>();
    /**
     * Connections whose registration finished, with its configuration: registering one again
     * with the same configuration (a pool handing it out once more) is a single look-up.
     * Guarded by {@link #STATES}.
     */
    private static final Map<SQLiteConnection, RembedConfig> REGISTERED = new WeakHashMap<>();

    private Registrar() {
    }

    /** Registers with {@code config}, whose calls run on {@code engine} (the config's runtime). */
    public static void register(Connection connection, RembedConfig config, Engine engine) throws SQLException {
        SQLiteConnection conn = unwrap(connection);
        ConnectionState state;
        synchronized (STATES) {
            state = STATES.get(conn);
            if (config.equals(REGISTERED.get(conn))) {
                state.busyTimeouts.usual(conn.getBusyTimeout()); // registering again records it anew
                return;
            }
            REGISTERED.remove(conn);
            if (state == null) {
                state = new ConnectionState(config, engine, conn.getMetaData().getDatabaseProductVersion());
                STATES.put(conn, state);
            } else {
                state.configure(config, engine);
            }
            state.busyTimeouts.usual(conn.getBusyTimeout());
        }
        install(conn, state);
        ClientTables.create(conn, ClientTable.TEXT);
        ClientTables.create(conn, ClientTable.MULTIMODAL);
        ClientTables.createMultimodalConfig(conn);
        ConfigRows.apply(conn, config);
        synchronized (STATES) {
            REGISTERED.put(conn, config);
        }
    }

    private static void install(SQLiteConnection conn, ConnectionState state) throws SQLException {
        int deterministic = Function.FLAG_DETERMINISTIC;
        Function.create(conn, "rembed", new RembedFunction(state, conn));
        Function.create(conn, "rembed_batch", new RembedBatchFunction(state, conn));
        Function.create(conn, "rembed_client_options", new ClientOptionsFunction("rembed_client_options",
                ClientOptions.KEYS), deterministic);
        Function.create(conn, "rembed_multimodal_client_options", new ClientOptionsFunction(
                "rembed_multimodal_client_options", MultimodalOptions.KEYS), deterministic);
        Function.create(conn, "rembed_image", RembedImageFunction.plain(state, conn));
        Function.create(conn, "rembed_image_prompt", RembedImageFunction.withPrompt(state, conn));
        Function.create(conn, "rembed_images_concurrent", new RembedImagesConcurrentFunction(state, conn));
        Function.create(conn, "readfile", new FileFunctions.ReadFile(state));
        Function.create(conn, "readfile_base64", new FileFunctions.ReadFileBase64(state));
        Function.create(conn, "base64_encode", new Base64Functions.Encode(), deterministic);
        Function.create(conn, "base64_decode", new Base64Functions.Decode(), deterministic);
        Function.create(conn, "rembed_version", new VersionFunctions.Version(), deterministic);
        Function.create(conn, "rembed_debug", new VersionFunctions.Debug(state));
        Function.create(conn, "rembed_jobs", new JobsFunction(state));
        Function.create(conn, ClientRowFunctions.CHECK, new ClientRowFunctions.Check(state));
        for (String internal : ClientRowFunctions.RETIRED) {
            Function.create(conn, internal, new ClientRowFunctions.Internal(internal));
        }
    }

    /** The multimodal client a connection knows by {@code name}, for Java code that runs beside SQL. */
    public static MultimodalSpec multimodalClient(Connection connection, String name) throws SQLException {
        SQLiteConnection conn = unwrap(connection);
        return ClientLookup.get(conn, state(conn), ClientTable.MULTIMODAL, name);
    }

    /** The text client a connection knows by {@code name}, for Java code that runs beside SQL. */
    public static ClientSpec textClient(Connection connection, String name) throws SQLException {
        SQLiteConnection conn = unwrap(connection);
        return ClientLookup.get(conn, state(conn), ClientTable.TEXT, name);
    }

    /** The configuration rembed was registered with on {@code connection}. */
    public static RembedConfig config(Connection connection) throws SQLException {
        return state(unwrap(connection)).config();
    }

    private static ConnectionState state(SQLiteConnection conn) {
        ConnectionState state;
        synchronized (STATES) {
            state = STATES.get(conn);
        }
        if (state == null) {
            throw new RembedException("rembed is not registered on this connection (call Rembed.register first)");
        }
        return state;
    }

    private static SQLiteConnection unwrap(Connection connection) throws SQLException {
        if (connection instanceof SQLiteConnection c) {
            return c;
        }
        if (connection.isWrapperFor(SQLiteConnection.class)) {
            return connection.unwrap(SQLiteConnection.class);
        }
        throw new RembedException("rembed needs a sqlite-jdbc connection (org.sqlite.SQLiteConnection), got "
                + connection.getClass().getName());
    }
}
