package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code rembed_image} and {@code rembed_batch} with a multimodal client, through real SQL. */
class RembedImageSqlTest {
    @RegisterExtension
    final SimServer sim = new SimServer(b -> b.embeddingDimensions(SimSql.DIMS)
            .visionLatency(Latency.fixed(Duration.ofMillis(2))));
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = sim.multimodalConnection(4, 5, 10);
    }

    @Test
    void blobBase64AndDataUrlGiveTheSameEmbedding() throws SQLException {
        byte[] image = TestImages.unique();
        byte[] fromBlob;
        try (PreparedStatement ps = conn.prepareStatement("SELECT rembed_image('mm', ?)")) {
            ps.setBytes(1, image);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                fromBlob = rs.getBytes(1);
            }
        }
        assertArrayEquals(SimSql.expected(image), Vectors.fromBlob(fromBlob));
        assertArrayEquals(fromBlob, SimSql.bytes(conn, "SELECT rembed_image('mm', " + TestImages.sqlBase64(image) + ")"));
        assertArrayEquals(fromBlob, SimSql.bytes(conn, "SELECT rembed_image('mm', 'data:image/png;base64,"
                + TestImages.base64(image) + "')"));
        assertArrayEquals(fromBlob, SimSql.bytes(conn, "SELECT rembed_image('mm', base64_decode("
                + TestImages.sqlBase64(image) + "))"));
    }

    @Test
    void nullInNullOut() throws SQLException {
        assertNull(SimSql.bytes(conn, "SELECT rembed_image('mm', NULL)"));
        assertNull(SimSql.string(conn, "SELECT rembed_batch('mm', NULL)"));
    }

    @Test
    void nonImagesAreRefusedBeforeAnyRequest() {
        for (String arg : List.of("'aGVsbG8gd29ybGQ='", "X'00010203'", "'data:text/plain,hello'", "42")) {
            SQLException e = assertThrows(SQLException.class,
                    () -> SimSql.bytes(conn, "SELECT rembed_image('mm', " + arg + ")"));
            assertTrue(e.getMessage().contains("rembed_image: "), e.getMessage());
        }
        assertEquals(0, sim.metrics().requests(Endpoint.OLLAMA_CHAT));
    }

    @Test
    void aVisionFailureNamesTheClientAndStage() throws SQLException {
        SQLException e = assertThrows(SQLException.class, () -> SimSql.bytes(conn,
                "SELECT rembed_image('mm', " + TestImages.sqlBase64(TestImages.withFault("FAULT:500")) + ")"));
        assertTrue(e.getMessage().contains("rembed_image: client 'mm': vision: ollama vision model 'llava:7b'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        assertEquals(Rembed.version(), SimSql.string(conn, "SELECT rembed_version()"));
    }

    @Test
    void rembedBatchWithAMultimodalClientIsSequentialAndOrdered() throws Exception {
        List<byte[]> images = List.of(TestImages.unique(), TestImages.unique(), TestImages.unique(),
                TestImages.unique(), TestImages.unique());
        JsonNode r = SimSql.JSON.readTree(SimSql.string(conn, "SELECT rembed_batch('mm', "
                + SimSql.jsonArray(images) + ")"));
        assertEquals(5, r.size());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(SimSql.expected(images.get(i)),
                    Vectors.fromBlob(Base64.getDecoder().decode(r.get(i).asText())));
        }
        assertEquals(1, sim.metrics().maxConcurrentVision(), "one image at a time");
    }

    @Test
    void rembedBatchNamesTheIndexOfAFailedImage() {
        String sql = "SELECT rembed_batch('mm', json_array(" + TestImages.sqlBase64(TestImages.unique()) + ", "
                + TestImages.sqlBase64(TestImages.withFault("FAULT:500")) + "))";
        SQLException e = assertThrows(SQLException.class, () -> SimSql.string(conn, sql));
        assertTrue(e.getMessage().contains("rembed_batch: client 'mm': item 1: vision:"), e.getMessage());
    }

    @Test
    void theEmbeddingSideMayBeTheInProcessModel() throws SQLException {
        try (var s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('mm-local', "
                    + "rembed_multimodal_client_options('url', '" + sim.baseUrl() + "', 'embedding_model', 'local'))");
        }
        byte[] image = TestImages.unique();
        byte[] blob = SimSql.bytes(conn, "SELECT rembed_image('mm-local', " + TestImages.sqlBase64(image) + ")");
        String caption = SimulatedProvider.captionFor("llava:7b", image).replace("'", "''");
        assertArrayEquals(SimSql.bytes(conn, "SELECT rembed('local', '" + caption + "')"), blob);
        assertEquals(384 * 4, blob.length);
    }

    @Test
    void textClientsKeepTheirRembedBatch() throws Exception {
        try (var s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO temp.rembed_clients(name, options) VALUES ('txt', "
                    + "rembed_client_options('format', 'ollama', 'model', 'nomic-embed-text', 'url', '"
                    + sim.baseUrl() + "'))");
        }
        JsonNode r = SimSql.JSON.readTree(SimSql.string(conn, "SELECT rembed_batch('txt', json_array('a', 'b'))"));
        assertArrayEquals(SimulatedProvider.vectorFor("nomic-embed-text", "b", SimSql.DIMS),
                Vectors.fromBlob(Base64.getDecoder().decode(r.get(1).asText())));
        assertEquals(0, sim.metrics().requests(Endpoint.OLLAMA_CHAT));
    }
}
