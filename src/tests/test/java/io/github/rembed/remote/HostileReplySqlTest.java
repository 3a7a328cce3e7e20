package io.github.rembed.remote;

import static io.github.rembed.SqlTestSupport.addClient;
import static io.github.rembed.SqlTestSupport.blob;
import static io.github.rembed.SqlTestSupport.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.SimServer;
import io.github.rembed.SimSql;
import io.github.rembed.TestImages;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Fault;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replies that never end, are too big, or stall part-way: each is a clear, bounded error
 * (the size limit, or the request deadline over the whole exchange), and the connection
 * keeps working.
 */
class HostileReplySqlTest {
    private static final Duration GUARD = Duration.ofSeconds(60);
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(8));
    Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = sim.connection();
        addClient(conn, "ol",
                "'format', 'ollama', 'model', 'm', 'url', '" + sim.baseUrl() + "', 'request_timeout_sec', 1");
        // Reading 64 MiB may take longer than a second on a busy machine: size tests get time.
        addClient(conn, "patient",
                "'format', 'ollama', 'model', 'm', 'url', '" + sim.baseUrl() + "', 'request_timeout_sec', 120");
    }

    private String fails(Fault fault, int times) {
        return fails("ol", fault, times);
    }

    private String fails(String client, Fault fault, int times) {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, times, fault);
        return assertTimeoutPreemptively(GUARD, () -> error(conn, "SELECT rembed('" + client + "', 'x')"));
    }

    private void assertStillUsable() throws SQLException {
        sim.faults().clear();
        assertEquals(8 * 4, blob(conn, "SELECT rembed('ol', 'fine')").length);
    }

    @Test
    void anEndlessReplyStopsAtTheSizeLimit() throws SQLException {
        String msg = fails("patient", Fault.endlessBody(), 1);
        assertTrue(msg.contains("rembed: ollama model 'm' at " + sim.baseUrl()), msg);
        assertTrue(msg.contains("reply from " + sim.baseUrl() + "/api/embed is larger than the 67108864-byte limit"),
                msg);
        assertEquals(1, sim.metrics().requests(Endpoint.OLLAMA_EMBED), "a reply too large is not asked for again");
        assertStillUsable();
    }

    @Test
    void aHugeReplyIsRefusedFromItsLengthAlone() throws SQLException {
        String msg = fails("patient", Fault.hugeBody(500L << 20), 1);
        assertTrue(msg.contains("reply from " + sim.baseUrl() + "/api/embed announces 524288000 bytes, more than the"
                + " 67108864-byte limit"), msg);
        assertStillUsable();
    }

    @Test
    void anEndlessErrorReplyKeepsOnlyItsStart() throws SQLException {
        String msg = fails("patient", Fault.endlessBody(500), 3);
        assertTrue(msg.contains("HTTP 500 from " + sim.baseUrl() + "/api/embed: {\"embeddings\":[[0.125,"), msg);
        assertTrue(msg.contains("after 3 attempts"), msg);
        assertTrue(msg.length() < 1000, "error text is cut short: " + msg.length());
        assertStillUsable();
    }

    @Test
    void aBodyThatStallsHitsTheRequestDeadline() throws SQLException {
        String msg = fails(Fault.stalledBody(), 3);
        assertTrue(msg.contains("reply from " + sim.baseUrl() + "/api/embed was not complete within 1s after 3 attempts"),
                msg);
        assertEquals(3, sim.metrics().requests(Endpoint.OLLAMA_EMBED), "a timeout is retried like any other");
        assertStillUsable();
    }

    @Test
    void slowlorisHitsTheRequestDeadline() throws SQLException {
        String msg = fails(Fault.slowloris(Duration.ofMillis(100)), 3);
        assertTrue(msg.contains("was not complete within 1s after 3 attempts"), msg);
        assertStillUsable();
    }

    @Test
    void headersWithoutABodyHitTheRequestDeadline() throws SQLException {
        String msg = fails(Fault.hangAfterHeaders(), 3);
        assertTrue(msg.contains("was not complete within 1s after 3 attempts"), msg);
        assertStillUsable();
    }

    @Test
    void batchesAndImagesAreBoundedToo() throws Exception {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 3, Fault.slowloris(Duration.ofMillis(100)));
        String msg = assertTimeoutPreemptively(GUARD, () -> error(conn, "SELECT rembed_batch('ol', json_array('a', 'b'))"));
        assertTrue(msg.contains("was not complete within 1s after 3 attempts"), msg);

        try (Connection images = SimSql.open(sim.baseUrl(), 2, 1, 4)) {
            sim.faults().failNext(Endpoint.OLLAMA_CHAT, 3, Fault.stalledBody());
            String image = TestImages.sqlBase64(TestImages.unique());
            msg = assertTimeoutPreemptively(GUARD, () -> error(images, "SELECT rembed_image('mm', " + image + ")"));
            assertTrue(msg.contains("vision: ") && msg.contains("/api/chat was not complete within 1s after 3 attempts"),
                    msg);
        }
        try (Connection images = SimSql.open(sim.baseUrl(), 2, 120, 4)) {
            sim.faults().failNext(Endpoint.OLLAMA_CHAT, 1, Fault.endlessBody());
            String image = TestImages.sqlBase64(TestImages.unique());
            String json = assertTimeoutPreemptively(GUARD, () -> SimSql.string(images,
                    "SELECT rembed_images_concurrent('mm', json_array(" + image + "))"));
            assertTrue(json.contains("is larger than the 67108864-byte limit"), json);
        }
        assertStillUsable();
    }
}
