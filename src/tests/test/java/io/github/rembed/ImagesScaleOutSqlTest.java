package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code rembed_images_concurrent} with several vision and embedding servers, {@code 'auto'},
 * real caption batches, shared requests for identical images and token usage in the stats,
 * through real SQL against simulated servers.
 */
class ImagesScaleOutSqlTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private static SimulatedProvider sim(int visionMs) {
        return SimulatedProvider.builder().embeddingDimensions(SimSql.DIMS)
                .visionLatency(Latency.fixed(Duration.ofMillis(visionMs))).start();
    }

    private static List<byte[]> images(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestImages.unique());
        }
        return out;
    }

    private static void assertEmbedded(List<byte[]> images, JsonNode result) {
        assertEquals(0, result.get("errors").size(), result.get("errors").toString());
        for (int i = 0; i < images.size(); i++) {
            assertArrayEquals(SimSql.expected(images.get(i)),
                    Vectors.fromBlob(Base64.getDecoder().decode(result.get("embeddings").get(i).asText())), "item " + i);
        }
    }

    private static void register(Connection conn, String name, String urls, String more) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('" + name + "', "
                    + "rembed_multimodal_client_options('format', 'ollama', 'url', '" + urls + "', 'vision_model', '"
                    + SimSql.VISION + "', 'embedding_model', '" + SimSql.EMBED + "'" + more + "))");
        }
    }

    private static JsonNode concurrent(Connection conn, String client, List<byte[]> images) throws Exception {
        return SimSql.JSON.readTree(SimSql.string(conn, "SELECT rembed_images_concurrent('" + client + "', "
                + SimSql.jsonArray(images) + ")"));
    }

    @Test
    void captionsAreEmbeddedInFullBatchesNotOneByOne() throws Exception {
        try (SimulatedProvider sim = sim(60); Connection conn = SimSql.open(sim, 8, 30, 10)) {
            List<byte[]> images = images(40);
            JsonNode r = assertTimeoutPreemptively(HANG_GUARD, () -> SimSql.concurrent(conn, images));
            assertEmbedded(images, r);
            long requests = sim.metrics().requests(Endpoint.OLLAMA_EMBED);
            assertEquals(requests, r.get("stats").get("embedding").get("requests").asLong());
            assertTrue(requests >= 4 && requests <= 4 + 8, "at most ceil(40 / 10) + 8 requests: " + requests);
        }
    }

    @Test
    void identicalImagesInOneCallShareOneVisionRequest() throws Exception {
        try (SimulatedProvider sim = sim(50); Connection conn = SimSql.open(sim, 4, 30, 10)) {
            byte[] a = TestImages.unique();
            byte[] b = TestImages.unique();
            List<byte[]> images = List.of(a, b, a.clone(), a.clone(), b.clone());
            JsonNode r = concurrent(conn, "mm", images);
            assertEmbedded(images, r);
            assertEquals(2, sim.metrics().requests(Endpoint.OLLAMA_CHAT), "one vision request per distinct image");
            assertEquals(2, r.get("stats").get("vision").get("requests").asInt());
            assertEquals(3, r.get("stats").get("vision").get("cache_hits").asInt());
        }
    }

    @Test
    void threeVisionServersAndThreeEmbeddingServersServeOneClient() throws Exception {
        try (SimulatedProvider a = sim(40); SimulatedProvider b = sim(40); SimulatedProvider c = sim(40);
             Connection conn = SimSql.open(a, 2, 30, 4)) {
            register(conn, "fleet", a.baseUrl() + "," + b.baseUrl() + ", " + c.baseUrl(),
                    ", 'max_concurrent_requests', 2, 'batch_size', 4");
            List<byte[]> images = images(30);
            JsonNode r = assertTimeoutPreemptively(HANG_GUARD, () -> concurrent(conn, "fleet", images));
            assertEmbedded(images, r);
            long vision = 0;
            for (SimulatedProvider s : List.of(a, b, c)) {
                assertTrue(s.metrics().requests(Endpoint.OLLAMA_CHAT) >= 1, "each server described images");
                assertTrue(s.metrics().maxConcurrentVision() <= 2, "each under its own limit of 2");
                vision += s.metrics().requests(Endpoint.OLLAMA_CHAT);
            }
            assertEquals(30, vision);
            assertTrue(a.metrics().requests(Endpoint.OLLAMA_EMBED) + b.metrics().requests(Endpoint.OLLAMA_EMBED)
                    + c.metrics().requests(Endpoint.OLLAMA_EMBED) >= 1);
            JsonNode stats = r.get("stats");
            assertEquals(3, stats.get("vision").get("endpoints").size());
            assertEquals(3, stats.get("embedding").get("endpoints").size());
            assertEquals("healthy", stats.get("vision").get("endpoints").get(0).get("state").asText());
        }
    }

    @Test
    void autoShowsItsCurrentLimitInTheStats() throws Exception {
        try (SimulatedProvider sim = sim(20); Connection conn = SimSql.open(sim, 2, 30, 5)) {
            try (Statement s = conn.createStatement()) {
                s.executeUpdate("INSERT INTO temp.rembed_multimodal_clients_config(name, vision_model, embedding_model,"
                        + " max_concurrent_requests, request_timeout_sec, batch_size) VALUES ('auto', 'ollama::"
                        + SimSql.VISION + "', 'ollama::" + SimSql.EMBED + "', 'auto', 30, 5)");
            }
            // The config table names no url: the client's servers are OLLAMA_HOST's; point the rows at the simulator.
            register(conn, "auto", sim.baseUrl(), ", 'max_concurrent_requests', 'auto', 'batch_size', 5");
            List<byte[]> images = images(20);
            JsonNode r = concurrent(conn, "auto", images);
            assertEmbedded(images, r);
            JsonNode endpoint = r.get("stats").get("vision").get("endpoints").get(0);
            assertTrue(endpoint.get("adaptive").asBoolean(), endpoint.toString());
            assertTrue(endpoint.get("limit").asInt() >= 1, endpoint.toString());
            assertEquals(endpoint.get("limit").asInt(), r.get("stats").get("max_concurrent_requests").asInt());
            String debug = SimSql.string(conn, "SELECT rembed_debug()");
            assertTrue(debug.contains("ollama vision " + sim.baseUrl() + ": healthy, limit "), debug);
            assertTrue(debug.contains("(auto)"), debug);
        }
    }

    @Test
    void tokenUsageOfBothStagesIsSummedIntoTheStats() throws Exception {
        try (SimulatedProvider sim = sim(5); Connection conn = SimSql.open(sim, 4, 30, 10)) {
            List<byte[]> images = images(6);
            JsonNode stats = concurrent(conn, "mm", images).get("stats");
            // The simulator counts one prompt token per image and a token per word of each caption.
            int words = 0;
            for (byte[] image : images) {
                words += SimulatedProvider.captionFor(SimSql.VISION, image).split(" ").length;
            }
            assertEquals(6, stats.get("vision").get("usage").get("input_tokens").asInt());
            assertEquals(words, stats.get("vision").get("usage").get("output_tokens").asInt());
            assertEquals(words, stats.get("embedding").get("usage").get("input_tokens").asInt());
            assertEquals(6 + words, stats.get("usage").get("input_tokens").asInt());
            assertEquals(6 + 2 * words, stats.get("usage").get("total_tokens").asInt());
        }
    }
}
