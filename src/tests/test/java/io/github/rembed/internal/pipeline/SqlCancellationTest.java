package io.github.rembed.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.Rembed;
import io.github.rembed.RembedConfig;
import io.github.rembed.RembedRuntime;
import io.github.rembed.SimServer;
import io.github.rembed.SimSql;
import io.github.rembed.TestImages;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Statement.cancel()} and {@code setQueryTimeout} stop a call whose requests hang:
 * it returns promptly with a "cancelled" error, no worker is left running, and the
 * connection works afterwards.
 */
class SqlCancellationTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    @RegisterExtension
    final SimServer sim = new SimServer(b -> b.embeddingDimensions(SimSql.DIMS));
    private Connection conn;
    private final RembedRuntime runtime = RembedRuntime.builder().build();

    @BeforeEach
    void open() throws SQLException {
        conn = sim.multimodalConnection(4, 300, 5); // a 5-minute request timeout: only cancellation can end the call
        Rembed.register(conn, RembedConfig.builder().runtime(runtime).build()); // workers counted apart from other tests
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    private String hangingBatchSql() {
        return "SELECT rembed_images_concurrent('mm', " + SimSql.jsonArray(List.of(TestImages.withFault("FAULT:HANG"),
                TestImages.withFault("FAULT:HANG"), TestImages.unique())) + ")";
    }

    @Test
    void statementCancelStopsHungRequests() throws Exception {
        Statement s = conn.createStatement();
        AtomicReference<Exception> cancelError = new AtomicReference<>();
        Thread canceller = Thread.ofPlatform().start(() -> {
            try {
                while (sim.metrics().requests(Endpoint.OLLAMA_CHAT) < 2) {
                    Thread.sleep(5);
                }
                s.cancel();
            } catch (Exception e) {
                cancelError.set(e);
            }
        });
        SQLException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(SQLException.class, () -> s.executeQuery(hangingBatchSql())));
        canceller.join();
        assertEquals(null, cancelError.get());
        assertTrue(e.getMessage().contains("rembed_images_concurrent: client 'mm': cancelled"), e.getMessage());
        assertEquals(0, runtime.activeWorkers(), "no worker left behind");
        s.close();
        assertEquals(Rembed.version(), SimSql.string(conn, "SELECT rembed_version()"), "connection still usable");
        byte[] image = TestImages.unique();
        String json = SimSql.string(conn, "SELECT rembed_images_concurrent('mm', json_array("
                + TestImages.sqlBase64(image) + "))");
        assertTrue(json.contains("\"successful\":1"), json);
    }

    @Test
    void queryTimeoutStopsHungRequests() throws Exception {
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            SQLException e = assertTimeoutPreemptively(HANG_GUARD,
                    () -> assertThrows(SQLException.class, () -> s.executeQuery(hangingBatchSql())));
            assertTrue(e.getMessage().contains("query timeout of 1 s"), e.getMessage());
        }
        assertEquals(0, runtime.activeWorkers(), "no worker left behind");
        assertEquals(Rembed.version(), SimSql.string(conn, "SELECT rembed_version()"));
    }

    @Test
    void cancelReachesRembedImageAndSequentialBatchToo() throws Exception {
        for (String sql : List.of(
                "SELECT rembed_image('mm', " + TestImages.sqlBase64(TestImages.withFault("FAULT:HANG")) + ")",
                "SELECT rembed_batch('mm', json_array(" + TestImages.sqlBase64(TestImages.withFault("FAULT:HANG"))
                        + "))")) {
            sim.metrics().reset();
            Statement s = conn.createStatement();
            Thread canceller = SimSql.once(sim.get(), Endpoint.OLLAMA_CHAT, 1, s::cancel);
            SQLException e = assertTimeoutPreemptively(HANG_GUARD,
                    () -> assertThrows(SQLException.class, () -> s.executeQuery(sql)));
            canceller.join();
            assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
            s.close();
        }
        assertEquals(0, runtime.activeWorkers());
    }

    @Test
    void closingTheConnectionFromAnotherThreadStopsHungRequests() throws Exception {
        Statement s = conn.createStatement();
        Thread closer = SimSql.once(sim.get(), Endpoint.OLLAMA_CHAT, 2, conn::close);
        SQLException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(SQLException.class, () -> s.executeQuery(hangingBatchSql())));
        assertTimeoutPreemptively(HANG_GUARD, () -> closer.join());
        assertTrue(e.getMessage().contains("cancelled: the connection is being closed"), e.getMessage());
        assertTrue(conn.isClosed());
        assertEquals(0, runtime.activeWorkers(), "no worker left behind");
    }

    @Test
    void tuningTheBusyTimeoutAfterRegisterIsNotAQueryTimeout() throws Exception {
        try (SimulatedProvider slow = SimulatedProvider.builder().embeddingDimensions(SimSql.DIMS)
                .visionLatency(io.github.rembed.simulator.Latency.fixed(Duration.ofMillis(2500))).start();
             Connection c = SimSql.open(slow, 2, 60, 4)) {
            // Ordinary tuning after Rembed.register: 1.5 s to wait for locks, not a deadline for calls.
            c.unwrap(org.sqlite.SQLiteConnection.class).setBusyTimeout(1500);
            byte[] image = TestImages.unique();
            byte[] blob = assertTimeoutPreemptively(HANG_GUARD, () -> SimSql.bytes(c,
                    "SELECT rembed_image('mm', " + TestImages.sqlBase64(image) + ")"));
            assertEquals(SimSql.DIMS * 4, blob.length, "the 2.5 s call outlived the 1.5 s busy timeout");
        }
    }
}
