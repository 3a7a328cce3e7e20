package io.github.rembed.remote;

import static io.github.rembed.SqlTestSupport.addClient;
import static io.github.rembed.SqlTestSupport.blob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.SimServer;
import io.github.rembed.SimSql;
import io.github.rembed.simulator.Endpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code rembed} and {@code rembed_batch} stop as promptly as the image functions when their
 * statement is cancelled, times out, or their connection is closed from another thread,
 * however long the request timeout.
 */
class TextCancellationSqlTest {
    private static final Duration GUARD = Duration.ofSeconds(60);
    @RegisterExtension
    final SimServer sim = new SimServer(b -> b.embeddingDimensions(8));
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = sim.connection();
        // a 10-minute request timeout: only cancellation can end a hung call in time
        addClient(conn, "ol",
                "'format', 'ollama', 'model', 'm', 'url', '" + sim.baseUrl() + "', 'request_timeout_sec', 600");
    }

    /** Calls {@code action} once a request is in flight at the simulator. */
    private Thread whenRequestArrives(SimSql.Action action) {
        return SimSql.once(sim.get(), Endpoint.OLLAMA_EMBED, 1, action);
    }

    @Test
    void statementCancelStopsAHungTextCall() throws Exception {
        for (String sql : List.of("SELECT rembed('ol', 'FAULT:HANG')",
                "SELECT rembed_batch('ol', json_array('a', 'FAULT:HANG'))")) {
            sim.metrics().reset();
            Statement s = conn.createStatement();
            Thread canceller = whenRequestArrives(s::cancel);
            SQLException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(SQLException.class,
                    () -> s.executeQuery(sql)));
            canceller.join();
            assertTrue(e.getMessage().contains("client 'ol': cancelled"), e.getMessage());
            s.close();
        }
        assertEquals(8 * 4, blob(conn, "SELECT rembed('ol', 'still works')").length);
    }

    @Test
    void queryTimeoutStopsAHungTextCall() throws Exception {
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            SQLException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT rembed_batch('ol', json_array('FAULT:HANG'))")));
            assertTrue(e.getMessage().contains("rembed_batch: client 'ol': cancelled: query timeout of 1 s reached"),
                    e.getMessage());
        }
        assertEquals(8 * 4, blob(conn, "SELECT rembed('ol', 'still works')").length);
    }

    @Test
    void closingTheConnectionFromAnotherThreadCancelsTheCall() throws Exception {
        Statement s = conn.createStatement();
        Thread closer = whenRequestArrives(conn::close);
        SQLException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(SQLException.class,
                () -> s.executeQuery("SELECT rembed('ol', 'FAULT:HANG')")));
        assertTimeoutPreemptively(GUARD, () -> closer.join());
        assertTrue(e.getMessage().contains("cancelled: the connection is being closed"), e.getMessage());
        assertTrue(conn.isClosed());
    }
}
