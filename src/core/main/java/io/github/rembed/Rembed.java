package io.github.rembed;

import io.github.rembed.internal.client.ClientOptions;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.client.MultimodalOptions;
import io.github.rembed.internal.sql.Registrar;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The entry point: installs rembed's SQL functions on a sqlite-jdbc connection, the JDBC
 * counterpart of {@code .load rembed0}, and gives Java code the same clients without SQL.
 *
 * <pre>{@code
 * try (Connection conn = DriverManager.getConnection("jdbc:sqlite::memory:")) {
 *     Rembed.register(conn);
 *     ResultSet rs = conn.createStatement().executeQuery("SELECT rembed('all-minilm-l6-v2', 'hello')");
 * }
 * }</pre>
 */
public final class Rembed {
    private Rembed() {
    }

    /** Installs every function and the client tables with the default configuration. Idempotent. */
    public static void register(Connection connection) throws SQLException {
        register(connection, RembedConfig.defaults());
    }

    /**
     * Installs every function and the client tables, then the configuration's client rows and
     * extensions. Calling it again with another configuration applies that one; with an equal
     * one it does nothing.
     */
    public static void register(Connection connection, RembedConfig config) throws SQLException {
        Registrar.register(connection, config, config.runtime().engine());
    }

    /**
     * A {@link DataSource} that registers rembed on every connection it hands out, with the
     * configuration's clients and extensions. Wrap a pool (HikariCP, ...) with it: a connection
     * handed out again is already registered, which costs one look-up.
     */
    public static DataSource dataSource(DataSource delegate) {
        return new RembedDataSource(delegate, RembedConfig.defaults());
    }

    public static DataSource dataSource(DataSource delegate, RembedConfig config) {
        return new RembedDataSource(delegate, config);
    }

    /**
     * A text client from options that name their model, e.g. {@code textClient("local")},
     * {@code textClient("ollama::nomic-embed-text")} or the JSON of
     * {@code rembed_client_options(...)} with a {@code model}. For the forms in which the
     * row's name is the model ({@code 'openai'}, {@code 'openai:KEY'}), use
     * {@link #textClient(String, String)}; to configure a client in Java, use
     * {@link TextClient#builder(Provider)}.
     */
    public static TextClient textClient(String options) {
        return textClient(options, RembedConfig.defaults());
    }

    public static TextClient textClient(String options, RembedConfig config) {
        return new TextClient(new ClientOptions(config.environment()).parse(null, options), config);
    }

    /**
     * A text client exactly as the row {@code (name, options)} of {@code temp.rembed_clients}
     * registers it: every form sqlite-rembed and its fork accept, e.g.
     * {@code textClient("text-embedding-3-small", "openai:sk-...")} or
     * {@code textClient("embed-english-v3.0", "cohere")}.
     */
    public static TextClient textClient(String name, String options) {
        return textClient(name, options, RembedConfig.defaults());
    }

    public static TextClient textClient(String name, String options, RembedConfig config) {
        return new TextClient(new ClientOptions(config.environment()).parse(name, options), config);
    }

    /**
     * The text client registered on {@code connection} as {@code name} (a row of
     * {@code temp.rembed_clients}, or the built-in {@code local}), with the connection's text limit.
     *
     * @param connection a connection rembed is registered on
     * @param name       the client's name in SQL
     * @return a client with the same settings
     * @throws SQLException when the connection cannot be unwrapped to sqlite-jdbc's
     */
    public static TextClient textClient(Connection connection, String name) throws SQLException {
        return new TextClient(Registrar.textClient(connection, name), Registrar.config(connection));
    }

    /**
     * An image client from the same options a {@code temp.rembed_multimodal_clients} row takes:
     * {@code imageClient("ollama")} (llava:7b and nomic-embed-text on the local Ollama) or the
     * JSON of {@code rembed_multimodal_client_options(...)}, e.g.
     * {@code {"format":"openai","url":"http://127.0.0.1:8080/v1","vision_model":"gpt-4o-mini",
     * "embedding_model":"local","max_concurrent_requests":8}}.
     */
    public static ImageClient imageClient(String multimodalOptions) {
        return imageClient(multimodalOptions, RembedConfig.defaults());
    }

    public static ImageClient imageClient(String multimodalOptions, RembedConfig config) {
        return new ImageClient(new MultimodalOptions(config.environment()).parse("java", multimodalOptions), config);
    }

    /**
     * The image client registered on {@code connection} as {@code name} (a row of
     * {@code temp.rembed_multimodal_clients}, or the built-in {@code ollama-multimodal}).
     */
    public static ImageClient imageClient(Connection connection, String name) throws SQLException {
        return new ImageClient(Registrar.multimodalClient(connection, name), Registrar.config(connection));
    }

    /** The library version, as {@code rembed_version()} reports it. */
    public static String version() {
        return "v" + BuildInfo.version();
    }
}
