package io.github.rembed.remote;

import static io.github.rembed.SqlTestSupport.addClient;
import static io.github.rembed.SqlTestSupport.blob;
import static io.github.rembed.SqlTestSupport.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.SimServer;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Fault;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Servers that are down, fail, hang or lie: each a clear SQL error, the connection still usable. */
class RemoteFailureSqlTest {
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(8).retryAfter(Duration.ofMillis(20)));
    Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = sim.connection();
        addClient(conn, "oa",
                "'format', 'openai', 'model', 'm', 'url', '" + sim.baseUrl() + "/v1', 'request_timeout_sec', 1");
        addClient(conn, "ol", "'format', 'ollama', 'model', 'm', 'url', '" + sim.baseUrl() + "'");
    }

    private void assertStillUsable() throws SQLException {
        sim.faults().clear();
        assertEquals(8 * 4, blob(conn, "SELECT rembed('oa', 'fine')").length);
    }

    @Test
    void serverDownIsAClearErrorNotAHang() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        addClient(conn, "down", "'format', 'ollama', 'model', 'm', 'url', 'http://127.0.0.1:" + port + "'");
        String msg = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> error(conn, "SELECT rembed('down', 'x')"));
        assertTrue(msg.contains("rembed: ollama model 'm' at http://127.0.0.1:" + port), msg);
        assertTrue(msg.contains("cannot connect to http://127.0.0.1:" + port + "/api/embed (is the server running?)"), msg);
        assertStillUsable();
    }

    @Test
    void serverErrorsAreRetriedThenReported() throws SQLException {
        sim.faults().failNext(Endpoint.OPENAI_EMBEDDINGS, 2, Fault.status(503));
        assertEquals(8 * 4, blob(conn, "SELECT rembed('oa', 'x')").length, "two 503s then success");
        assertEquals(3, sim.metrics().requests(Endpoint.OPENAI_EMBEDDINGS));

        sim.faults().failNext(Endpoint.OPENAI_EMBEDDINGS, 5, Fault.status(500));
        String msg = error(conn, "SELECT rembed('oa', 'x')");
        assertTrue(msg.contains("HTTP 500 from " + sim.baseUrl() + "/v1/embeddings"), msg);
        assertTrue(msg.contains("after 3 attempts"), msg);
        assertStillUsable();
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() throws SQLException {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.tooManyRequests(Duration.ofMillis(30)));
        assertEquals(8 * 4, blob(conn, "SELECT rembed('ol', 'x')").length);
        assertEquals(2, sim.metrics().requests(Endpoint.OLLAMA_EMBED));
    }

    @Test
    void clientErrorsAreNotRetried() throws SQLException {
        addClient(conn, "missing", "'format', 'ollama', 'model', 'missing-model', 'url', '" + sim.baseUrl() + "'");
        String msg = error(conn, "SELECT rembed('missing', 'x')");
        assertTrue(msg.contains("HTTP 404"), msg);
        assertTrue(msg.contains("not found"), msg);
        assertEquals(1, sim.metrics().requests(Endpoint.OLLAMA_EMBED));
    }

    @Test
    void garbageAndWrongCountsAreMalformedReplies() throws SQLException {
        sim.faults().failNext(Endpoint.OPENAI_EMBEDDINGS, 1, Fault.garbage());
        String msg = error(conn, "SELECT rembed('oa', 'x')");
        assertTrue(msg.contains("rembed: openai model 'm'"), msg);
        assertTrue(msg.contains("malformed reply"), msg);

        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.wrongCount());
        msg = error(conn, "SELECT rembed_batch('ol', json_array('a', 'b', 'c'))");
        assertTrue(msg.contains("malformed reply: expected 3 embeddings, got"), msg);

        assertEquals(8 * 4, blob(conn, "SELECT rembed('ol', 'a good reply first')").length);
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.wrongDimensions());
        msg = error(conn, "SELECT rembed_batch('ol', json_array('a', 'b', 'c'))");
        assertTrue(msg.contains("malformed reply: 7-dimension embeddings where this model returned 8 before"), msg);
        assertStillUsable();
    }

    @Test
    void aHangingServerTimesOutPerRequest() throws Exception {
        sim.faults().failNext(Endpoint.OPENAI_EMBEDDINGS, 3, Fault.hang());
        String msg = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> error(conn, "SELECT rembed('oa', 'x')"));
        assertTrue(msg.contains("no reply from " + sim.baseUrl() + "/v1/embeddings within 1s after 3 attempts"), msg);
        assertStillUsable();
    }

    @Test
    void markedTextFailsOnlyItsOwnCall() throws SQLException {
        String msg = error(conn, "SELECT rembed('oa', 'bad FAULT:500 text')");
        assertTrue(msg.contains("HTTP 500"), msg);
        assertStillUsable();
    }
}
