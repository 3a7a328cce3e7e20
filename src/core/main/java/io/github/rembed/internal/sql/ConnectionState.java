package io.github.rembed.internal.sql;

import io.github.rembed.RembedConfig;
import io.github.rembed.internal.client.ClientOptions;
import io.github.rembed.internal.client.MultimodalOptions;
import io.github.rembed.internal.runtime.Engine;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the functions of one connection share: its configuration and the clients parsed from
 * its client tables. It holds no reference to the connection itself (it is the value of a
 * weak map keyed by the connection).
 */
final class ConnectionState {
    private static final AtomicLong IDS = new AtomicLong();

    /** The connection's number in {@code rembed_jobs()}. */
    final long id = IDS.incrementAndGet();
    final String sqliteVersion;
    final ParsedClients parsed = new ParsedClients();
    /** Reads the query timeout of the running statement; see {@link BusyTimeouts}. */
    final BusyTimeouts busyTimeouts = new BusyTimeouts(0);
    private volatile RembedConfig config;
    private volatile Engine engine;
    private volatile ClientOptions options;
    private volatile MultimodalOptions multimodalOptions;

    ConnectionState(RembedConfig config, Engine engine, String sqliteVersion) {
        this.sqliteVersion = sqliteVersion;
        configure(config, engine);
        EngineWarmup.startOnce(engine);
    }

    void configure(RembedConfig config, Engine engine) {
        this.config = config;
        this.engine = engine;
        this.options = new ClientOptions(config.environment());
        this.multimodalOptions = new MultimodalOptions(config.environment());
        parsed.clear(); // clients read the environment when parsed
    }

    RembedConfig config() {
        return config;
    }

    /** The runtime this connection's calls run on. */
    Engine engine() {
        return engine;
    }

    ClientOptions options() {
        return options;
    }

    MultimodalOptions multimodalOptions() {
        return multimodalOptions;
    }
}
