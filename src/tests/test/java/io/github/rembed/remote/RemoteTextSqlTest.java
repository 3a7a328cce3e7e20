package io.github.rembed.remote;

import static io.github.rembed.SqlTestSupport.blob;
import static io.github.rembed.SqlTestSupport.error;
import static io.github.rembed.SqlTestSupport.exec;
import static io.github.rembed.SqlTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rembed.RembedConfig;
import io.github.rembed.SimServer;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OpenAI- and Ollama-format clients through real SQL against the simulated provider. */
class RemoteTextSqlTest {
    static final int DIMS = 16;
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(DIMS));
    Connection conn;

    @BeforeEach
    void open() throws SQLException {
        // OPENAI_API_KEY is "set", to prove it is never sent to a non-default host.
        conn = sim.connection(RembedConfig.builder()
                .environment(Map.of("OPENAI_API_KEY", "sk-from-environment-0001", "OLLAMA_HOST",
                        sim.baseUrl())::get)
                .build());
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES "
                + "('oa', rembed_client_options('format', 'openai', 'model', 'text-embedding-3-small', 'url', '"
                + sim.baseUrl() + "/v1/embeddings', 'batch_size', 3)),"
                + "('oa-base', rembed_client_options('format', 'openai', 'model', 'text-embedding-3-small', 'url', '"
                + sim.baseUrl() + "/v1')),"
                + "('nomic', 'ollama::nomic-embed-text')");
    }

    private static byte[] expected(String model, String text) {
        return Vectors.toBlob(SimulatedProvider.vectorFor(model, text, DIMS));
    }

    @Test
    void openAiClientReturnsTheServersVectorAsFloat32Blob() throws SQLException {
        assertArrayEquals(expected("text-embedding-3-small", "hello"), blob(conn, "SELECT rembed('oa', 'hello')"));
        assertArrayEquals(expected("text-embedding-3-small", "hello"), blob(conn, "SELECT rembed('oa-base', 'hello')"));
        assertEquals(2, sim.metrics().requests(Endpoint.OPENAI_EMBEDDINGS));
    }

    @Test
    void ollamaClientFollowsOllamaHost() throws SQLException {
        assertArrayEquals(expected("nomic-embed-text", "hello"), blob(conn, "SELECT rembed('nomic', 'hello')"));
        assertEquals(1, sim.metrics().requests(Endpoint.OLLAMA_EMBED));
    }

    @Test
    void environmentKeyIsNotSentToAnotherHost() throws SQLException {
        blob(conn, "SELECT rembed('oa', 'hello')");
        assertTrue(sim.metrics().authorizationHeaders().stream().noneMatch(h -> h.contains("sk-from-environment")),
                sim.metrics().authorizationHeaders().toString());
    }

    @Test
    void batchSendsOneRequestPerBatchSizeAndKeepsOrder() throws Exception {
        String json = text(conn, "SELECT rembed_batch('oa', json_array('t0','t1',NULL,'t3','t4','t5','t6','t7'))");
        JsonNode items = new ObjectMapper().readTree(json);
        assertEquals(8, items.size());
        assertTrue(items.get(2).isNull());
        for (int i : new int[] {0, 1, 3, 4, 5, 6, 7}) {
            assertArrayEquals(expected("text-embedding-3-small", "t" + i), Base64.getDecoder().decode(items.get(i).asText()),
                    "item " + i);
        }
        assertEquals(3, sim.metrics().requests(Endpoint.OPENAI_EMBEDDINGS), "7 texts at batch_size 3");
        assertEquals(7, sim.metrics().inputs(Endpoint.OPENAI_EMBEDDINGS));
    }

    @Test
    void ollamaBatchInOneRequest() throws Exception {
        String json = text(conn, "SELECT rembed_batch('nomic', json_array('a', 'b', 'c'))");
        JsonNode items = new ObjectMapper().readTree(json);
        assertArrayEquals(expected("nomic-embed-text", "c"), Base64.getDecoder().decode(items.get(2).asText()));
        assertEquals(1, sim.metrics().requests(Endpoint.OLLAMA_EMBED));
    }

    @Test
    void explicitKeyIsSentAsBearerAndNeverShownInErrors() throws SQLException {
        try (SimulatedProvider locked = SimulatedProvider.builder().embeddingDimensions(DIMS)
                .requireKey("sk-right-key-0001").start()) {
            exec(conn, "INSERT INTO temp.rembed_clients VALUES ('good', rembed_client_options('format', 'openai',"
                    + " 'model', 'm', 'url', '" + locked.baseUrl() + "/v1', 'key', 'sk-right-key-0001'))");
            exec(conn, "INSERT INTO temp.rembed_clients VALUES ('bad', rembed_client_options('format', 'openai',"
                    + " 'model', 'm', 'url', '" + locked.baseUrl() + "/v1', 'key', 'sk-wrong-key-0002'))");
            assertEquals(DIMS * 4, blob(conn, "SELECT rembed('good', 'x')").length);
            assertEquals("Bearer sk-right-key-0001", locked.metrics().authorizationHeaders().get(0));
            String msg = error(conn, "SELECT rembed('bad', 'x')");
            assertTrue(msg.contains("HTTP 401"), msg);
            assertFalse(msg.contains("sk-wrong-key-0002"), msg);
            assertFalse(text(conn, "SELECT group_concat(options) FROM temp.rembed_clients").isEmpty());
        }
    }
}
