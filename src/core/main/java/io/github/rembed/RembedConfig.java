package io.github.rembed;

import io.github.rembed.internal.client.ClientOptions;
import io.github.rembed.internal.client.MultimodalOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Immutable settings for one registration. A pool that registers every connection it hands
 * out ({@link Rembed#dataSource(javax.sql.DataSource, RembedConfig)}) gives each one the
 * same clients and extensions. Build one with {@link #builder()}; every limit has a default.
 *
 * @param fileRoot      directory below which {@code readfile} may read; {@code null} means no file access
 * @param maxFileBytes  largest file {@code readfile} will read, and largest image accepted in any form
 * @param maxTextBytes  largest single text (UTF-8 bytes) sent to an embedding model, captions included
 * @param maxBatchItems largest JSON array accepted by the batch functions
 * @param environment   where provider variables ({@code OPENAI_API_KEY}, {@code OLLAMA_HOST}) are read;
 *                      the process environment by default
 * @param clients       rows put into the client tables of every connection registered with this configuration
 * @param extensions    SQLite extensions (such as sqlite-vec) loaded into every connection registered with it
 * @param runtime       what the calls of connections and clients made with this configuration share (HTTP
 *                      client, server limits, caches, jobs); {@link RembedRuntime#shared()} when none is named
 */
public record RembedConfig(Path fileRoot, long maxFileBytes, int maxTextBytes, int maxBatchItems,
                           Function<String, String> environment, List<ClientRow> clients, List<Path> extensions,
                           RembedRuntime runtime) {

    /** Default of {@link #maxFileBytes()}: 32 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 32L * 1024 * 1024;
    /** Default of {@link #maxTextBytes()}: 1 MiB. */
    public static final int DEFAULT_MAX_TEXT_BYTES = 1024 * 1024;
    /** Default of {@link #maxBatchItems()}: 100,000. */
    public static final int DEFAULT_MAX_BATCH_ITEMS = 100_000;

    /**
     * Checks the limits and fills in defaults: no clients or extensions, the process
     * environment, the shared runtime.
     *
     * @throws IllegalArgumentException when a limit is not positive
     */
    public RembedConfig {
        if (maxFileBytes <= 0 || maxTextBytes <= 0 || maxBatchItems <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        fileRoot = fileRoot == null ? null : fileRoot.toAbsolutePath().normalize();
        environment = environment == null ? System::getenv : environment;
        clients = clients == null ? List.of() : List.copyOf(clients);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        runtime = runtime == null ? RembedRuntime.shared() : runtime;
    }

    /**
     * Settings on the shared runtime.
     *
     * @param fileRoot      directory below which {@code readfile} may read; {@code null} means no file access
     * @param maxFileBytes  largest file {@code readfile} will read, and largest image accepted in any form
     * @param maxTextBytes  largest single text (UTF-8 bytes) sent to an embedding model
     * @param maxBatchItems largest JSON array accepted by the batch functions
     * @param environment   where provider variables are read; the process environment when null
     * @param clients       rows put into the client tables of every connection
     * @param extensions    SQLite extensions loaded into every connection
     * @throws IllegalArgumentException when a limit is not positive
     */
    public RembedConfig(Path fileRoot, long maxFileBytes, int maxTextBytes, int maxBatchItems,
                        Function<String, String> environment, List<ClientRow> clients, List<Path> extensions) {
        this(fileRoot, maxFileBytes, maxTextBytes, maxBatchItems, environment, clients, extensions, null);
    }

    /**
     * Settings without clients or extensions, on the shared runtime.
     *
     * @param fileRoot      directory below which {@code readfile} may read; {@code null} means no file access
     * @param maxFileBytes  largest file {@code readfile} will read, and largest image accepted in any form
     * @param maxTextBytes  largest single text (UTF-8 bytes) sent to an embedding model
     * @param maxBatchItems largest JSON array accepted by the batch functions
     * @param environment   where provider variables are read; the process environment when null
     * @throws IllegalArgumentException when a limit is not positive
     */
    public RembedConfig(Path fileRoot, long maxFileBytes, int maxTextBytes, int maxBatchItems,
                        Function<String, String> environment) {
        this(fileRoot, maxFileBytes, maxTextBytes, maxBatchItems, environment, List.of(), List.of(), null);
    }

    /**
     * One row of a client table, as an {@code INSERT INTO temp.<table>(name, options)} would add it.
     *
     * @param table   {@code rembed_clients} or {@code rembed_multimodal_clients}
     * @param name    the client's name in SQL
     * @param options any form the table accepts ({@code 'ollama::nomic-embed-text'}, the JSON of
     *                {@code rembed_client_options(...)}, ...)
     */
    public record ClientRow(String table, String name, String options) {
        /** The table of text clients. */
        public static final String TEXT = "rembed_clients";
        /** The table of multimodal (image) clients. */
        public static final String MULTIMODAL = "rembed_multimodal_clients";

        /**
         * Checks the table and name; the options are checked by {@link Builder#build()}.
         *
         * @throws IllegalArgumentException when the table is neither, or the name is empty
         * @throws NullPointerException     when the options are null
         */
        public ClientRow {
            if (!TEXT.equals(table) && !MULTIMODAL.equals(table)) {
                throw new IllegalArgumentException("table must be " + TEXT + " or " + MULTIMODAL + ", got " + table);
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("client name must not be empty");
            }
            Objects.requireNonNull(options, "options");
        }

        @Override
        public String toString() {
            return "ClientRow[" + table + ", " + name + "]"; // the options may hold a key
        }
    }

    /**
     * The library default: every limit at its default, no file access, the shared runtime.
     *
     * @return the default configuration
     */
    public static RembedConfig defaults() {
        return builder().build();
    }

    /**
     * A builder with every setting at its default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this configuration's settings, to derive another from it.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().fileRoot(fileRoot).maxFileBytes(maxFileBytes)
                .maxTextBytes(maxTextBytes).maxBatchItems(maxBatchItems).environment(environment).runtime(runtime);
        b.clients.addAll(clients);
        b.extensions.addAll(extensions);
        return b;
    }

    /** Settings of a configuration; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private Path fileRoot;
        private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
        private int maxTextBytes = DEFAULT_MAX_TEXT_BYTES;
        private int maxBatchItems = DEFAULT_MAX_BATCH_ITEMS;
        private Function<String, String> environment;
        private final List<ClientRow> clients = new ArrayList<>();
        private final List<Path> extensions = new ArrayList<>();
        private RembedRuntime runtime;

        private Builder() {
        }

        /**
         * The directory below which {@code readfile} and {@code readfile_base64} may read; none
         * (no file access) by default. Paths that leave it ({@code ..}, absolute paths, symbolic
         * links pointing out) are refused.
         *
         * @param root a directory, or null for no file access
         * @return this builder
         */
        public Builder fileRoot(Path root) {
            this.fileRoot = root;
            return this;
        }

        /**
         * The largest file {@code readfile} reads, and the largest image accepted in any form.
         *
         * @param bytes positive; {@link #DEFAULT_MAX_FILE_BYTES} by default
         * @return this builder
         */
        public Builder maxFileBytes(long bytes) {
            this.maxFileBytes = bytes;
            return this;
        }

        /**
         * The largest single text (UTF-8 bytes) sent to an embedding model, captions included.
         *
         * @param bytes positive; {@link #DEFAULT_MAX_TEXT_BYTES} by default
         * @return this builder
         */
        public Builder maxTextBytes(int bytes) {
            this.maxTextBytes = bytes;
            return this;
        }

        /**
         * The largest JSON array the batch functions accept.
         *
         * @param items positive; {@link #DEFAULT_MAX_BATCH_ITEMS} by default
         * @return this builder
         */
        public Builder maxBatchItems(int items) {
            this.maxBatchItems = items;
            return this;
        }

        /**
         * Reads provider variables ({@code OPENAI_API_KEY}, {@code OLLAMA_HOST}, ...) from this
         * lookup instead of the process environment.
         *
         * @param lookup variable name to value, null when unset; null for the process environment
         * @return this builder
         */
        public Builder environment(Function<String, String> lookup) {
            this.environment = lookup;
            return this;
        }

        /**
         * The runtime whose HTTP client, server limits, caches and jobs the connections and
         * clients made with this configuration share; {@link RembedRuntime#shared()} by default.
         *
         * @param runtime a runtime, or null for the shared one
         * @return this builder
         */
        public Builder runtime(RembedRuntime runtime) {
            this.runtime = runtime;
            return this;
        }

        /**
         * A row of {@code temp.rembed_clients} on every connection: the same name and options an
         * {@code INSERT} takes, e.g. {@code client("docs", "ollama::nomic-embed-text")}. The
         * options are checked by {@link #build()}.
         *
         * @param name    the client's name in SQL
         * @param options any form {@code temp.rembed_clients} accepts
         * @return this builder
         */
        public Builder client(String name, String options) {
            clients.add(new ClientRow(ClientRow.TEXT, name, options));
            return this;
        }

        /**
         * A text client configured in Java on every connection; its row holds the settings that
         * were set, as the JSON of {@code rembed_client_options(...)} (a key given with
         * {@link TextClient.Builder#key(String)} included, one read from the environment not).
         *
         * @param name   the client's name in SQL
         * @param client the client's settings
         * @return this builder
         * @throws IllegalArgumentException when a setting has no option form (a timeout that is not whole seconds)
         */
        public Builder client(String name, TextClient.Builder client) {
            return client(name, Objects.requireNonNull(client, "client").options());
        }

        /**
         * A row of {@code temp.rembed_multimodal_clients} on every connection, e.g.
         * {@code multimodalClient("img", "ollama")}.
         *
         * @param name    the client's name in SQL
         * @param options any form {@code temp.rembed_multimodal_clients} accepts
         * @return this builder
         */
        public Builder multimodalClient(String name, String options) {
            clients.add(new ClientRow(ClientRow.MULTIMODAL, name, options));
            return this;
        }

        /**
         * A SQLite extension loaded into every connection, e.g. sqlite-vec's {@code vec0} library
         * (path with or without its {@code .so}/{@code .dylib}/{@code .dll} suffix). The connection
         * must allow extensions: {@code SQLiteConfig.enableLoadExtension(true)} or
         * {@code SQLiteDataSource.setLoadExtension(true)}.
         *
         * @param library the extension's shared library
         * @return this builder
         */
        public Builder loadExtension(Path library) {
            extensions.add(Objects.requireNonNull(library, "library"));
            return this;
        }

        /**
         * The configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException when a limit is not positive, or a client's options
         *                                  are refused (the message names the client) or its name is given twice
         */
        public RembedConfig build() {
            RembedConfig config = new RembedConfig(fileRoot, maxFileBytes, maxTextBytes, maxBatchItems, environment,
                    clients, extensions, runtime);
            checkClients(config);
            return config;
        }

        /** Parses every row as its table would, so a bad row fails here and not at each connection. */
        private static void checkClients(RembedConfig config) {
            Set<String> seen = new HashSet<>();
            for (ClientRow row : config.clients()) {
                if (!seen.add(row.table() + '\u0000' + row.name())) {
                    throw new IllegalArgumentException("client '" + row.name() + "' is given twice for temp."
                            + row.table());
                }
                try {
                    boolean multimodal = row.table().equals(ClientRow.MULTIMODAL)
                            || ClientOptions.isMultimodal(row.options());
                    if (multimodal) {
                        new MultimodalOptions(config.environment()).parse(row.name(), row.options());
                    } else {
                        new ClientOptions(config.environment()).parse(row.name(), row.options());
                    }
                } catch (RembedException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "RembedConfig[fileRoot=" + Objects.toString(fileRoot, "none") + ", maxFileBytes=" + maxFileBytes
                + ", maxTextBytes=" + maxTextBytes + ", maxBatchItems=" + maxBatchItems + ", clients="
                + clients.stream().map(ClientRow::name).toList() + ", extensions=" + extensions + ", runtime=" + runtime
                + "]";
    }
}
