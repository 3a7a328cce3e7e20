package io.github.rembed.remote;

import static io.github.rembed.SqlTestSupport.exec;
import static io.github.rembed.SqlTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rembed.ItemResult;
import io.github.rembed.Rembed;
import io.github.rembed.SqlTestSupport;
import io.github.rembed.Stage;
import io.github.rembed.TextClient;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Text clients with {@code max_concurrent_requests} (a number or 'auto') and several
 * endpoints, through real SQL against simulated servers on 127.0.0.1: order, limits, failover,
 * adaptive back-off, the OpenAI options, token usage, per-item errors, cancellation.
 */
class ConcurrentTextSqlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DIMS = 8;
    private static final String MODEL = "text-embedding-3-small";

    private static SimulatedProvider.Builder sim(int latencyMs) {
        return SimulatedProvider.builder().embeddingDimensions(DIMS)
                .embeddingLatency(Latency.fixed(Duration.ofMillis(latencyMs)));
    }

    private static List<String> texts(int n, String tag) {
        return IntStream.range(0, n).mapToObj(i -> tag + " note " + i + " about boats").toList();
    }

    private static String jsonArray(List<String> texts) {
        return "json_array(" + texts.stream().map(t -> "'" + t.replace("'", "''") + "'")
                .collect(Collectors.joining(", ")) + ")";
    }

    /** Registers an OpenAI-format client {@code name} at {@code urls} (comma-separated) with more options. */
    private static void register(Connection conn, String name, String urls, String more) throws SQLException {
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('" + name + "', rembed_client_options("
                + "'format', 'openai', 'model', '" + MODEL + "', 'url', '" + urls + "'" + more + "))");
    }

    private static List<float[]> batch(Connection conn, String client, List<String> texts) throws Exception {
        String result;
        try (PreparedStatement ps = conn.prepareStatement("SELECT rembed_batch(?, ?)")) {
            ps.setString(1, client);
            ps.setString(2, JSON.writeValueAsString(texts));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                result = rs.getString(1);
            }
        }
        JsonNode array = JSON.readTree(result);
        List<float[]> out = new ArrayList<>();
        for (JsonNode item : array) {
            out.add(Vectors.fromBlob(Base64.getDecoder().decode(item.asText())));
        }
        return out;
    }

    private static void assertVectorsOf(List<String> texts, List<float[]> vectors) {
        assertEquals(texts.size(), vectors.size());
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(SimulatedProvider.vectorFor(MODEL, texts.get(i), DIMS), vectors.get(i), "text " + i);
        }
    }

    @Test
    void rembedBatchSendsItsBatchesConcurrentlyWithinTheLimitAndKeepsInputOrder() throws Exception {
        try (SimulatedProvider sim = sim(40).start(); Connection conn = SqlTestSupport.open()) {
            register(conn, "c4", sim.baseUrl() + "/v1", ", 'batch_size', 8, 'max_concurrent_requests', 4");
            List<String> texts = texts(100, "order");
            assertVectorsOf(texts, batch(conn, "c4", texts));
            assertEquals(13, sim.metrics().requests(Endpoint.OPENAI_EMBEDDINGS), "one request per 8 texts");
            int peak = sim.metrics().maxConcurrentEmbedding();
            assertTrue(peak >= 2 && peak <= 4, "batches in flight together, never more than 4: " + peak);
        }
    }

    @Test
    void theLimitIsPerServerAcrossConnectionsAndCalls() throws Exception {
        try (SimulatedProvider sim = sim(30).start()) {
            String url = sim.baseUrl() + "/v1";
            try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
                List<Future<?>> calls = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    String tag = "conn" + c;
                    calls.add(pool.submit(() -> {
                        try (Connection conn = SqlTestSupport.open()) {
                            register(conn, "shared", url, ", 'batch_size', 4, 'max_concurrent_requests', 3");
                            List<String> texts = texts(40, tag);
                            assertVectorsOf(texts, batch(conn, "shared", texts));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : calls) {
                    f.get();
                }
            }
            assertTrue(sim.metrics().maxConcurrentEmbedding() <= 3,
                    "three connections, one limit of 3: " + sim.metrics().maxConcurrentEmbedding());
        }
    }

    @Test
    void severalServersShareTheWorkAndGiveTheSameResultsAsOne() throws Exception {
        try (SimulatedProvider a = sim(20).start(); SimulatedProvider b = sim(20).start();
             SimulatedProvider c = sim(20).start(); Connection conn = SqlTestSupport.open()) {
            register(conn, "fleet", a.baseUrl() + "/v1, " + b.baseUrl() + "/v1," + c.baseUrl() + "/v1",
                    ", 'batch_size', 4, 'max_concurrent_requests', 2");
            register(conn, "one", a.baseUrl() + "/v1", ", 'batch_size', 4");
            List<String> texts = texts(60, "fleet");
            List<float[]> fromFleet = batch(conn, "fleet", texts);
            assertVectorsOf(texts, fromFleet);
            for (SimulatedProvider s : List.of(a, b, c)) {
                assertTrue(s.metrics().requests(Endpoint.OPENAI_EMBEDDINGS) >= 1, "every server got requests");
                assertTrue(s.metrics().maxConcurrentEmbedding() <= 2, "each under its own limit");
            }
            assertEquals(15, a.metrics().requests(Endpoint.OPENAI_EMBEDDINGS)
                    + b.metrics().requests(Endpoint.OPENAI_EMBEDDINGS) + c.metrics().requests(Endpoint.OPENAI_EMBEDDINGS));
            List<float[]> fromOne = batch(conn, "one", texts);
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(fromOne.get(i), fromFleet.get(i));
            }
        }
    }

    @Test
    void aServerThatIsDownIsSetAsideAndTheOthersServeEveryText() throws Exception {
        String dead;
        try (SimulatedProvider gone = SimulatedProvider.builder().start()) {
            dead = gone.baseUrl();
        }
        try (SimulatedProvider a = sim(5).start(); SimulatedProvider b = sim(5).start();
             Connection conn = SqlTestSupport.open()) {
            register(conn, "failover", dead + "/v1," + a.baseUrl() + "/v1," + b.baseUrl() + "/v1",
                    ", 'batch_size', 2, 'max_concurrent_requests', 2");
            List<String> texts = texts(40, "failover");
            assertVectorsOf(texts, batch(conn, "failover", texts));
            assertEquals(20, a.metrics().requests(Endpoint.OPENAI_EMBEDDINGS)
                    + b.metrics().requests(Endpoint.OPENAI_EMBEDDINGS), "each batch served once");
            String debug = text(conn, "SELECT rembed_debug()");
            assertTrue(debug.contains(dead + "/v1/embeddings: set aside"), debug);
        }
    }

    @Test
    void autoBacksOffOnAServerThatRefusesBeyondItsCapacity() throws Exception {
        try (SimulatedProvider sim = sim(15).embeddingCapacity(3).retryAfter(Duration.ofMillis(5)).start();
             Connection conn = SqlTestSupport.open()) {
            register(conn, "auto", sim.baseUrl() + "/v1", ", 'batch_size', 1, 'max_concurrent_requests', 'auto'");
            List<String> texts = texts(150, "auto");
            assertVectorsOf(texts, batch(conn, "auto", texts));
            long requests = sim.metrics().requests(Endpoint.OPENAI_EMBEDDINGS);
            assertTrue(requests - 150 <= 20, "429s stay rare once it has learnt: " + (requests - 150) + " refused");
            assertTrue(sim.metrics().maxConcurrentEmbedding() <= 3);
            String debug = text(conn, "SELECT rembed_debug()");
            String line = debug.lines().filter(l -> l.contains(sim.baseUrl())).findFirst().orElseThrow();
            int limit = Integer.parseInt(line.replaceAll(".*limit (\\d+) \\(auto\\).*", "$1"));
            assertTrue(limit >= 1 && limit <= 4, "settled near the capacity of 3: " + line);
        }
    }

    @Test
    void dimensionsAndBase64RepliesAsOpenAiSendsThem() throws Exception {
        try (SimulatedProvider sim = sim(0).start(); Connection conn = SqlTestSupport.open()) {
            register(conn, "short", sim.baseUrl() + "/v1", ", 'dimensions', 4");
            register(conn, "floats", sim.baseUrl() + "/v1", ", 'encoding_format', 'float'");
            float[] v = Vectors.fromBlob(SqlTestSupport.blob(conn, "SELECT rembed('short', 'hello')"));
            assertArrayEquals(SimulatedProvider.vectorFor(MODEL, "hello", 4), v, "4 dimensions, as asked");
            assertEquals(1, sim.metrics().base64Replies(), "OpenAI clients ask for base64 by default");
            assertArrayEquals(SimulatedProvider.vectorFor(MODEL, "hello", DIMS),
                    Vectors.fromBlob(SqlTestSupport.blob(conn, "SELECT rembed('floats', 'hello')")));
            assertEquals(1, sim.metrics().base64Replies(), "encoding_format 'float' asks for numbers");
        }
    }

    @Test
    void tokensCountedByTheServerShowPerEndpointInRembedDebug() throws Exception {
        try (SimulatedProvider sim = sim(0).start(); Connection conn = SqlTestSupport.open()) {
            register(conn, "counted", sim.baseUrl() + "/v1", ", 'batch_size', 5");
            batch(conn, "counted", texts(20, "usage")); // 5 words each
            String debug = text(conn, "SELECT rembed_debug()");
            String line = debug.lines().filter(l -> l.contains(sim.baseUrl())).findFirst().orElseThrow();
            assertTrue(line.contains("4 replies"), line);
            assertTrue(line.contains("100 input and 0 output tokens"), line);
        }
    }

    @Test
    void theJavaClientReportsAFailedBatchPerItemAndTheRestInOrder() throws Exception {
        try (SimulatedProvider sim = sim(5).start()) {
            TextClient client = Rembed.textClient("{\"format\": \"openai\", \"model\": \"" + MODEL + "\", \"url\": \""
                    + sim.baseUrl() + "/v1\", \"batch_size\": 3, \"max_concurrent_requests\": 2}");
            List<String> texts = new ArrayList<>(texts(12, "each"));
            texts.set(7, "refused FAULT:500 here");
            List<ItemResult> results = client.embedEach(texts);
            assertEquals(12, results.size());
            for (int i = 0; i < 12; i++) {
                assertEquals(i, results.get(i).index());
                if (i >= 6 && i < 9) {
                    ItemResult.Failed f = assertInstanceOf(ItemResult.Failed.class, results.get(i), "batch 3");
                    assertEquals(Stage.EMBEDDING, f.stage());
                    assertTrue(f.error().contains("HTTP 500"), f.error());
                } else {
                    assertArrayEquals(SimulatedProvider.vectorFor(MODEL, texts.get(i), DIMS),
                            assertInstanceOf(ItemResult.Embedded.class, results.get(i)).vector());
                }
            }
            assertVectorsOf(texts(6, "each"), client.embedAll(texts(6, "each")));
        }
    }

    @Test
    void perItemResultsSendTheirBatchesConcurrentlyToo() throws Exception {
        try (SimulatedProvider sim = sim(40).start(); Connection conn = SqlTestSupport.open()) {
            String options = "\"format\": \"openai\", \"model\": \"" + MODEL + "\", \"url\": \"" + sim.baseUrl()
                    + "/v1\", \"batch_size\": 1, \"max_concurrent_requests\": 4";
            List<String> texts = texts(24, "each");
            List<ItemResult> results = Rembed.textClient("{" + options + "}").embedEach(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(SimulatedProvider.vectorFor(MODEL, texts.get(i), DIMS),
                        assertInstanceOf(ItemResult.Embedded.class, results.get(i)).vector(), "text " + i);
            }
            int javaPeak = sim.metrics().maxConcurrentEmbedding();
            assertTrue(javaPeak >= 2 && javaPeak <= 4, "TextClient.embedEach: one request per text, up to 4 at once: "
                    + javaPeak);

            sim.metrics().reset();
            register(conn, "each", sim.baseUrl() + "/v1", ", 'batch_size', 1, 'max_concurrent_requests', 4");
            JsonNode r = JSON.readTree(text(conn, "SELECT rembed_batch('each', " + jsonArray(texts)
                    + ", '{\"per_item_errors\": true}')"));
            assertEquals(texts.size(), r.get("stats").get("successful").asInt(), r.toString());
            int sqlPeak = sim.metrics().maxConcurrentEmbedding();
            assertTrue(sqlPeak >= 2 && sqlPeak <= 4, "rembed_batch with per_item_errors, up to 4 at once: " + sqlPeak);
        }
    }

    @Test
    void cancellingAStatementStopsItsBatchesPromptly() throws Exception {
        try (SimulatedProvider sim = sim(0).start(); Connection conn = SqlTestSupport.open()) {
            register(conn, "hang", sim.baseUrl() + "/v1", ", 'batch_size', 2, 'request_timeout_sec', 60");
            List<String> texts = new ArrayList<>(texts(10, "cancel"));
            texts.set(4, "stuck FAULT:HANG");
            String msg = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (Statement s = conn.createStatement()) {
                    Thread.ofPlatform().start(() -> {
                        try {
                            Thread.sleep(300);
                            s.cancel();
                        } catch (Exception ignored) {
                            // the statement may already be closed
                        }
                    });
                    SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                            () -> s.executeQuery("SELECT rembed_batch('hang', " + jsonArray(texts) + ")").next());
                    return e.getMessage();
                }
            });
            assertTrue(msg.contains("cancelled"), msg);
            assertTrue(sim.metrics().requests(Endpoint.OPENAI_EMBEDDINGS) <= 5, "no batch sent twice");
            assertEquals(8 * 4, SqlTestSupport.blob(conn, "SELECT rembed('hang', 'still usable')").length);
        }
    }
}
