package io.github.rembed;

import io.github.rembed.simulator.Faults;
import io.github.rembed.simulator.Metrics;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulated provider on 127.0.0.1 for a test class, registered with {@code @RegisterExtension}.
 * In a static field it serves the whole class and starts each test with no faults and zeroed
 * counts; in an instance field each test gets a fresh one. Connections opened through it are
 * closed after each test.
 */
public final class SimServer implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private final UnaryOperator<SimulatedProvider.Builder> settings;
    private final List<Connection> connections = new ArrayList<>();
    private SimulatedProvider sim;
    private boolean perClass;

    /** A simulator built by {@code settings} from {@link SimulatedProvider#builder()}. */
    public SimServer(UnaryOperator<SimulatedProvider.Builder> settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sim = settings.apply(SimulatedProvider.builder()).start();
        perClass = true;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perClass) {
            sim.metrics().reset();
            sim.faults().clear();
        } else {
            sim = settings.apply(SimulatedProvider.builder()).start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        try {
            for (Connection conn : connections) {
                conn.close();
            }
        } finally {
            connections.clear();
            if (!perClass) {
                sim.close();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sim.close();
    }

    public SimulatedProvider get() {
        return sim;
    }

    public String baseUrl() {
        return sim.baseUrl();
    }

    public Metrics metrics() {
        return sim.metrics();
    }

    public Faults faults() {
        return sim.faults();
    }

    /** A registered in-memory connection with no clients yet, closed after the test. */
    public Connection connection() throws SQLException {
        return connection(RembedConfig.defaults());
    }

    /** A registered in-memory connection with {@code config}, closed after the test. */
    public Connection connection(RembedConfig config) throws SQLException {
        return closedAfterTest(SqlTestSupport.open(config));
    }

    /** A connection with multimodal client {@code mm} here (see {@link SimSql#open}), closed after the test. */
    public Connection multimodalConnection(int maxConcurrent, int timeoutSec, int batchSize) throws SQLException {
        return closedAfterTest(SimSql.open(sim, maxConcurrent, timeoutSec, batchSize));
    }

    private Connection closedAfterTest(Connection conn) {
        connections.add(conn);
        return conn;
    }
}
