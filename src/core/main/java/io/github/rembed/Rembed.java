package io.github.rembed;

import io.github.rembed.internal.BuildInfo;
import io.github.rembed.internal.client.ClientOptions;
import io.github.rembed.internal.client.MultimodalOptions;
import io.github.rembed.internal.sql.Registrar;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
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
 *
 * <p>Every method is thread-safe. Calls share the runtime their configuration names
 * ({@link RembedConfig#runtime()}, {@link RembedRuntime#shared()} by default).
 */
public final class Rembed {
    private Rembed() {
    }

    /**
     * Installs every function and the client tables with the default configuration. Idempotent.
     *
     * @param connection a sqlite-jdbc connection, or a pool's wrapper of one
     * @throws SQLException    when SQLite refuses to create a function or table
     * @throws RembedException when the connection is not sqlite-jdbc's
     */
    public static void register(Connection connection) throws SQLException {
        register(connection, RembedConfig.defaults());
    }

    /**
     * Installs every function and the client tables, then the configuration's client rows and
     * extensions. Calling it again with another configuration applies that one (rows the
     * application inserted stay); with an equal one it does nothing but a look-up.
     *
     * @param connection a sqlite-jdbc connection, or a pool's wrapper of one
     * @param config     limits, file root, clients, extensions and runtime
     * @throws SQLException    when SQLite refuses to create a function or table, or an extension fails to load
     * @throws RembedException when the connection is not sqlite-jdbc's
     */
    public static void register(Connection connection, RembedConfig config) throws SQLException {
        Objects.requireNonNull(config, "config");
        Registrar.register(Objects.requireNonNull(connection, "connection"), config, config.runtime().engine());
    }

    /**
     * A {@link DataSource} that registers rembed, with the default configuration, on every
     * connection it hands out. Wrap a pool (HikariCP, ...) with it: a connection handed out
     * again is already registered, which costs one look-up.
     *
     * @param delegate where connections come from; they must be sqlite-jdbc's
     * @return a data source handing out registered connections
     */
    public static DataSource dataSource(DataSource delegate) {
        return dataSource(delegate, RembedConfig.defaults());
    }

    /**
     * A {@link DataSource} that registers rembed on every connection it hands out, with the
     * configuration's clients and extensions.
     *
     * @param delegate where connections come from; they must be sqlite-jdbc's
     * @param config   what each connection is registered with
     * @return a data source handing out registered connections
     */
    public static DataSource dataSource(DataSource delegate, RembedConfig config) {
        return new RembedDataSource(Objects.requireNonNull(delegate, "delegate"), Objects.requireNonNull(config, "config"));
    }

    /**
     * A text client from options that name their model, e.g. {@code textClient("local")},
     * {@code textClient("ollama::nomic-embed-text")} or the JSON of
     * {@code rembed_client_options(...)} with a {@code model}. For the forms in which the
     * row's name is the model ({@code 'openai'}, {@code 'openai:KEY'}), use
     * {@link #textClient(String, String)}; to configure a client in Java, use
     * {@link TextClient#builder(Provider)}.
     *
     * @param options any form {@code temp.rembed_clients} accepts that names the model
     * @return the client, on the shared runtime
     * @throws RembedException when the options are refused (the message says why)
     */
    public static TextClient textClient(String options) {
        return textClient(options, RembedConfig.defaults());
    }

    /**
     * Like {@link #textClient(String)}, with the environment, text limit and runtime of {@code config}.
     *
     * @param options any form {@code temp.rembed_clients} accepts that names the model
     * @param config  where keys are read from, the text limit, the runtime
     * @return the client
     * @throws RembedException when the options are refused (the message says why)
     */
    public static TextClient textClient(String options, RembedConfig config) {
        return new TextClient(new ClientOptions(config.environment()).parse(null, options), config);
    }

    /**
     * A text client exactly as the row {@code (name, options)} of {@code temp.rembed_clients}
     * registers it: every form sqlite-rembed and its fork accept, e.g.
     * {@code textClient("text-embedding-3-small", "openai:sk-...")} or
     * {@code textClient("embed-english-v3.0", "cohere")}.
     *
     * @param name    the row's name, which is the model in the short forms
     * @param options the row's options
     * @return the client, on the shared runtime
     * @throws RembedException when the options are refused (the message says why)
     */
    public static TextClient textClient(String name, String options) {
        return textClient(name, options, RembedConfig.defaults());
    }

    /**
     * Like {@link #textClient(String, String)}, with the environment, text limit and runtime of {@code config}.
     *
     * @param name    the row's name, which is the model in the short forms
     * @param options the row's options
     * @param config  where keys are read from, the text limit, the runtime
     * @return the client
     * @throws RembedException when the options are refused (the message says why)
     */
    public static TextClient textClient(String name, String options, RembedConfig config) {
        return new TextClient(new ClientOptions(config.environment()).parse(name, options), config);
    }

    /**
     * The text client registered on {@code connection} as {@code name} (a row of
     * {@code temp.rembed_clients}, or the built-in {@code local}), with the connection's
     * text limit and runtime.
     *
     * @param connection a connection rembed is registered on
     * @param name       the client's name in SQL
     * @return a client with the same settings
     * @throws SQLException    when the connection cannot be unwrapped to sqlite-jdbc's or its table cannot be read
     * @throws RembedException when rembed is not registered on it or it has no such client
     */
    public static TextClient textClient(Connection connection, String name) throws SQLException {
        return new TextClient(Registrar.textClient(connection, name), Registrar.config(connection));
    }

    /**
     * An image client from the same options a {@code temp.rembed_multimodal_clients} row takes:
     * {@code imageClient("ollama")} (llava:7b and nomic-embed-text on the local Ollama) or the
     * JSON of {@code rembed_multimodal_client_options(...)}, e.g.
     * {@code {"format":"openai","url":"http://127.0.0.1:8080/v1","vision_model":"gpt-4o-mini",
     * "embedding_model":"local","max_concurrent_requests":8}}. To configure one in Java, use
     * {@link ImageClient#builder(Provider, String)}.
     *
     * @param multimodalOptions any form {@code temp.rembed_multimodal_clients} accepts
     * @return the client, on the shared runtime
     * @throws RembedException when the options are refused (the message says why)
     */
    public static ImageClient imageClient(String multimodalOptions) {
        return imageClient(multimodalOptions, RembedConfig.defaults());
    }

    /**
     * Like {@link #imageClient(String)}, with the environment, limits and runtime of {@code config}.
     *
     * @param multimodalOptions any form {@code temp.rembed_multimodal_clients} accepts
     * @param config            where keys are read from, the image and text limits, the runtime
     * @return the client
     * @throws RembedException when the options are refused (the message says why)
     */
    public static ImageClient imageClient(String multimodalOptions, RembedConfig config) {
        return new ImageClient(new MultimodalOptions(config.environment()).parse("java", multimodalOptions), config);
    }

    /**
     * The image client registered on {@code connection} as {@code name} (a row of
     * {@code temp.rembed_multimodal_clients}, or the built-in {@code ollama-multimodal}).
     *
     * @param connection a connection rembed is registered on
     * @param name       the client's name in SQL
     * @return a client with the same settings, limits and runtime
     * @throws SQLException    when the connection cannot be unwrapped to sqlite-jdbc's or its table cannot be read
     * @throws RembedException when rembed is not registered on it or it has no such client
     */
    public static ImageClient imageClient(Connection connection, String name) throws SQLException {
        return new ImageClient(Registrar.multimodalClient(connection, name), Registrar.config(connection));
    }

    /**
     * The library version, as {@code rembed_version()} reports it.
     *
     * @return {@code v} and the version, such as {@code v0.2.0}
     */
    public static String version() {
        return "v" + BuildInfo.version();
    }
}
