package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Fault;
import io.github.rembed.simulator.Latency;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code rembed_images_concurrent} through real SQL against the simulator. */
class ImagesConcurrentSqlTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    @RegisterExtension
    final SimServer sim = new SimServer(b -> b.embeddingDimensions(SimSql.DIMS)
            .visionLatency(Latency.lognormal(Duration.ofMillis(4), 0.8)).seed(7));
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = sim.multimodalConnection(4, 2, 5);
    }

    private static float[] vector(JsonNode base64) {
        return Vectors.fromBlob(Base64.getDecoder().decode(base64.asText()));
    }

    @Test
    void embeddingIBelongsToInputIUnderJitteredLatency() throws Exception {
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            images.add(TestImages.unique());
        }
        JsonNode r = assertTimeoutPreemptively(HANG_GUARD, () -> SimSql.concurrent(conn, images));
        assertEquals(24, r.get("embeddings").size());
        for (int i = 0; i < 24; i++) {
            assertArrayEquals(SimSql.expected(images.get(i)), vector(r.get("embeddings").get(i)), "item " + i);
        }
        JsonNode stats = r.get("stats");
        assertEquals(24, stats.get("total_processed").asInt());
        assertEquals(24, stats.get("successful").asInt());
        assertEquals(0, stats.get("failed").asInt());
        assertEquals(0, r.get("errors").size());
        assertEquals(4, stats.get("max_concurrent_requests").asInt());
        assertEquals(24, stats.get("vision").get("requests").asInt());
        assertEquals(24, stats.get("embedding").get("texts").asInt());
        assertTrue(stats.get("embedding").get("requests").asInt() <= 24);
        assertTrue(stats.get("vision").get("p95_ms").asLong() >= stats.get("vision").get("p50_ms").asLong());
        for (String field : List.of("total_duration_ms", "avg_time_per_item_ms", "throughput", "retries",
                "cache_hits")) {
            assertTrue(stats.has(field), field);
        }
        assertTrue(sim.metrics().maxConcurrentVision() <= 4, "vision limit held at the server");
        assertEquals(24, sim.metrics().inputs(Endpoint.OLLAMA_CHAT));
    }

    @Test
    void eachFaultKindFailsOnlyItsOwnItem() throws Exception {
        List<byte[]> images = List.of(TestImages.unique(), TestImages.withFault("FAULT:500"),
                TestImages.withFault("FAULT:GARBAGE"), TestImages.withFault("FAULT:FLAKY"),
                TestImages.unique(), TestImages.unique());
        String sql = "SELECT rembed_images_concurrent('mm', json_array(" + TestImages.sqlBase64(images.get(0)) + ", "
                + TestImages.sqlBase64(images.get(1)) + ", " + TestImages.sqlBase64(images.get(2)) + ", "
                + TestImages.sqlBase64(images.get(3)) + ", NULL, 42, 'bm90IGFuIGltYWdl', '%%% not base64', "
                + TestImages.sqlBase64(images.get(5)) + "))";
        JsonNode r = SimSql.JSON.readTree(assertTimeoutPreemptively(HANG_GUARD, () -> SimSql.string(conn, sql)));
        JsonNode e = r.get("embeddings");
        assertEquals(9, e.size());
        assertArrayEquals(SimSql.expected(images.get(0)), vector(e.get(0)));
        assertArrayEquals(SimSql.expected(images.get(3)), vector(e.get(3)), "FLAKY succeeds on retry");
        assertArrayEquals(SimSql.expected(images.get(5)), vector(e.get(8)));
        for (int i : new int[] {1, 2, 4, 5, 6, 7}) {
            assertTrue(e.get(i).isNull(), "item " + i);
        }
        JsonNode errors = r.get("errors");
        assertEquals(6, errors.size());
        assertError(errors.get(0), 1, "vision", "HTTP 500");
        assertTrue(errors.get(0).get("error").asText().contains("after 3 attempts"), errors.get(0).toString());
        assertError(errors.get(1), 2, "vision", "");
        assertError(errors.get(2), 4, "input", "null");
        assertError(errors.get(3), 5, "input", "number");
        assertError(errors.get(4), 6, "input", "not an image");
        assertError(errors.get(5), 7, "input", "base64");
        JsonNode stats = r.get("stats");
        assertEquals(9, stats.get("total_processed").asInt());
        assertEquals(3, stats.get("successful").asInt());
        assertEquals(6, stats.get("failed").asInt());
        assertTrue(stats.get("retries").asInt() >= 3, "500 retried twice, FLAKY once: " + stats);
    }

    private static void assertError(JsonNode error, int index, String stage, String text) {
        assertEquals(index, error.get("index").asInt(), error.toString());
        assertEquals(stage, error.get("stage").asText(), error.toString());
        assertTrue(error.get("error").asText().contains(text), error.toString());
    }

    @Test
    void retryAfterIsHonouredOn429() throws Exception {
        sim.faults().failNext(Endpoint.OLLAMA_CHAT, 2, Fault.tooManyRequests(Duration.ofMillis(600)));
        byte[] image = TestImages.unique();
        JsonNode r = SimSql.concurrent(conn, List.of(image));
        assertArrayEquals(SimSql.expected(image), vector(r.get("embeddings").get(0)));
        JsonNode stats = r.get("stats");
        assertEquals(2, stats.get("retries").asInt());
        assertEquals(3, stats.get("vision").get("requests").asInt());
        // Two waits of 600 ms: longer than the default backoff (at most 200 + 400 ms) could explain.
        assertTrue(stats.get("total_duration_ms").asLong() >= 1200, stats.toString());
    }

    @Test
    void embeddingFailuresAreReportedAtTheEmbeddingStage() throws Exception {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 3, Fault.status(500));
        List<byte[]> images = List.of(TestImages.unique());
        JsonNode r = SimSql.concurrent(conn, images);
        assertTrue(r.get("embeddings").get(0).isNull());
        assertError(r.get("errors").get(0), 0, "embedding", "HTTP 500");
    }

    @Test
    void aHungRequestTimesOutAsAnErrorOfItsItem() throws Exception {
        try (Connection quick = SimSql.open(sim.baseUrl(), 4, 1, 5)) {
            List<byte[]> images = List.of(TestImages.withFault("FAULT:HANG"), TestImages.unique());
            JsonNode r = assertTimeoutPreemptively(HANG_GUARD, () -> SimSql.concurrent(quick, images));
            assertError(r.get("errors").get(0), 0, "vision", "no reply");
            assertArrayEquals(SimSql.expected(images.get(1)), vector(r.get("embeddings").get(1)));
        }
    }

    @Test
    void theSecondCallOnTheSameBatchCostsNoRequest() throws Exception {
        List<byte[]> images = List.of(TestImages.unique(), TestImages.unique(), TestImages.unique());
        String batch = SimSql.jsonArray(images);
        // The bulk-import pattern of the concurrent-processing document: the same batch twice in one query.
        String sql = "WITH b(images) AS (SELECT " + batch + ") SELECT "
                + "json_extract(rembed_images_concurrent('mm', images), '$.embeddings'), "
                + "rembed_images_concurrent('mm', images) FROM b";
        try (var s = conn.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            JsonNode first = SimSql.JSON.readTree(rs.getString(1));
            JsonNode second = SimSql.JSON.readTree(rs.getString(2));
            assertEquals(first, second.get("embeddings"));
            assertEquals(0, second.get("stats").get("vision").get("requests").asInt());
            assertEquals(0, second.get("stats").get("embedding").get("requests").asInt());
            assertEquals(6, second.get("stats").get("cache_hits").asInt(), second.toString());
        }
        assertEquals(3, sim.metrics().requests(Endpoint.OLLAMA_CHAT), "only the first call reached the server");
    }

    @Test
    void anEmptyArrayGivesEmptyEmbeddingsAndZeroedStats() throws Exception {
        JsonNode r = SimSql.JSON.readTree(SimSql.string(conn, "SELECT rembed_images_concurrent('mm', '[]')"));
        assertEquals(0, r.get("embeddings").size());
        assertEquals(0, r.get("stats").get("total_processed").asInt());
        assertEquals(0.0, r.get("stats").get("throughput").asDouble());
    }

    @Test
    void badArgumentsAreClearErrorsAndTheConnectionStaysUsable() throws Exception {
        assertEquals(null, SimSql.string(conn, "SELECT rembed_images_concurrent('mm', NULL)"));
        SQLException unknown = assertThrows(SQLException.class,
                () -> SimSql.string(conn, "SELECT rembed_images_concurrent('nope', '[]')"));
        assertTrue(unknown.getMessage().contains("rembed_images_concurrent: multimodal client 'nope' was not registered"),
                unknown.getMessage());
        assertTrue(unknown.getMessage().contains("mm, ollama-multimodal"), unknown.getMessage());
        SQLException notArray = assertThrows(SQLException.class,
                () -> SimSql.string(conn, "SELECT rembed_images_concurrent('mm', '{\"a\":1}')"));
        assertTrue(notArray.getMessage().contains("expected a JSON array"), notArray.getMessage());
        assertEquals(Rembed.version(), SimSql.string(conn, "SELECT rembed_version()"));
    }

    @Test
    void arraysAboveTheConfiguredLimitAreRefused() throws Exception {
        Rembed.register(conn, RembedConfig.builder().maxBatchItems(2).build());
        SQLException e = assertThrows(SQLException.class, () -> SimSql.string(conn,
                "SELECT rembed_images_concurrent('mm', json_array('a', 'b', 'c'))"));
        assertTrue(e.getMessage().contains("the limit is 2"), e.getMessage());
        assertEquals(0, sim.metrics().requests(Endpoint.OLLAMA_CHAT));
    }

    @Test
    void aCaptionOverTheTextLimitFailsOnlyItsItem() throws Exception {
        List<byte[]> images = List.of(TestImages.unique(), TestImages.withFault("FAULT:LONG_CAPTION"));
        JsonNode r = SimSql.concurrent(conn, images);
        assertEquals(1, r.get("stats").get("successful").asInt(), r.toString());
        JsonNode error = r.get("errors").get(0);
        assertEquals(1, error.get("index").asInt());
        assertEquals("vision", error.get("stage").asText());
        assertTrue(error.get("error").asText().endsWith("caption of 6291456 bytes is larger than the 1048576-byte"
                + " text limit"), error.toString());
        assertEquals(1, sim.metrics().inputs(Endpoint.OLLAMA_EMBED), "the long caption was never sent");
    }
}
