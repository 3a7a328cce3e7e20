package io.github.rembed.sql;

import io.github.rembed.RembedConfig;
import io.github.rembed.client.ClientOptions;
import io.github.rembed.client.ConnectionClients;
import io.github.rembed.client.MultimodalOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the functions of one connection share: its clients and its configuration. */
final class ConnectionState {
    static final String TEXT_CLIENTS = "rembed_clients";
    static final String MULTIMODAL_CLIENTS = "rembed_multimodal_clients";

    final ConnectionClients clients = new ConnectionClients();
    /** Client table name to what its rows do. */
    final Map<String, ClientRows> tables = new ConcurrentHashMap<>();
    final String sqliteVersion;
    private volatile RembedConfig config;
    private volatile ClientOptions options;
    private volatile MultimodalOptions multimodalOptions;
    /** The connection's busy timeout outside statements; see {@link StatementCancellation}. */
    volatile int baselineBusyTimeoutMs;

    ConnectionState(RembedConfig config, String sqliteVersion) {
        this.sqliteVersion = sqliteVersion;
        configure(config);
        tables.put(TEXT_CLIENTS, new TextClientRows(clients, () -> options, () -> multimodalOptions));
        tables.put(MULTIMODAL_CLIENTS, ClientRows.of(clients.multimodal,
                (name, text) -> multimodalOptions.parse(name, text)));
        EngineWarmup.startOnce();
    }

    void configure(RembedConfig config) {
        this.config = config;
        this.options = new ClientOptions(config.environment());
        this.multimodalOptions = new MultimodalOptions(config.environment());
    }

    RembedConfig config() {
        return config;
    }

    ClientOptions options() {
        return options;
    }
}
