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
import io.github.rembed.Rembed;
import io.github.rembed.RembedConfig;
import io.github.rembed.SimServer;
import io.github.rembed.SqlTestSupport;
import io.github.rembed.TextClient;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Fault;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every provider through real SQL against the simulator speaking its wire format: vectors,
 * batching, retries with {@code Retry-After}, keys in the provider's own header, input types,
 * and environment keys that never leave for another host.
 */
class ProvidersSqlTest {
    static final int DIMS = 8;
    static final String KEY = "sim-key-0042";
    @RegisterExtension
    static final SimServer locked = new SimServer(b -> b.embeddingDimensions(DIMS).requireKey(KEY)
            .retryAfter(Duration.ofMillis(20)));
    @RegisterExtension
    static final SimServer open = new SimServer(b -> b.embeddingDimensions(DIMS));

    /**
     * One provider as a test sees it.
     *
     * @param vectorModel  the model whose simulated vectors come back (llamafile names none)
     * @param urlPath      appended to the simulator's root to make the client's {@code url}
     * @param inputType    what {@code rembed(c, t, 'search_query')} sends, or null when refused
     * @param defaultType  the input type sent when none is given (Cohere v2 needs one)
     * @param keyVariable  the variable its environment key comes from, or null
     */
    record Case(String provider, String model, String vectorModel, Endpoint endpoint, String urlPath, String inputType,
                String defaultType, String keyVariable) {
        @Override
        public String toString() {
            return provider + (urlPath.isEmpty() ? "" : " " + urlPath);
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("openai", "text-embedding-3-small", null, Endpoint.OPENAI_EMBEDDINGS, "/v1", null, null,
                        "OPENAI_API_KEY"),
                new Case("ollama", "nomic-embed-text", null, Endpoint.OLLAMA_EMBED, "", null, null, null),
                new Case("ollama", "all-minilm", null, Endpoint.OLLAMA_EMBEDDINGS, "/api/embeddings", null, null, null),
                new Case("nomic", "nomic-embed-text-v1.5", null, Endpoint.NOMIC_EMBED, "", "search_query", null,
                        "NOMIC_API_KEY"),
                new Case("cohere", "embed-english-v3.0", null, Endpoint.COHERE_EMBED_V2, "", "search_query",
                        "search_document", "CO_API_KEY"),
                new Case("cohere", "embed-english-v2.0", null, Endpoint.COHERE_EMBED_V1, "/v1/embed", "search_query",
                        null, "COHERE_API_KEY"),
                new Case("jina", "jina-embeddings-v3", null, Endpoint.OPENAI_EMBEDDINGS, "/v1", null, null,
                        "JINA_API_KEY"),
                new Case("mixedbread", "mxbai-embed-large-v1", null, Endpoint.OPENAI_EMBEDDINGS, "/v1/embeddings/",
                        null, null, "MIXEDBREAD_API_KEY"),
                new Case("llamafile", "llamafile", "llamafile", Endpoint.LLAMAFILE_EMBEDDING, "", null, null, null),
                new Case("gemini", "text-embedding-004", null, Endpoint.GEMINI_BATCH_EMBED, "", "RETRIEVAL_QUERY",
                        null, "GEMINI_API_KEY"),
                new Case("mistral", "mistral-embed", null, Endpoint.OPENAI_EMBEDDINGS, "/v1", null, null,
                        "MISTRAL_API_KEY"),
                new Case("voyage", "voyage-3", null, Endpoint.OPENAI_EMBEDDINGS, "/v1", "query", null,
                        "VOYAGE_API_KEY"),
                new Case("azure", "my-deployment", null, Endpoint.AZURE_EMBEDDINGS, "", null, null,
                        "AZURE_OPENAI_API_KEY"));
    }

    private static byte[] expected(Case c, String text) {
        String model = c.vectorModel() != null ? c.vectorModel() : c.model();
        return Vectors.toBlob(SimulatedProvider.vectorFor(model, c.defaultType() == null ? text
                : c.defaultType() + ": " + text, DIMS));
    }

    private static String register(Connection conn, String name, Case c, SimServer sim, String extra)
            throws SQLException {
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('" + name + "', rembed_client_options("
                + "'format', '" + c.provider() + "', 'model', '" + c.model() + "', 'url', '" + sim.baseUrl() + c.urlPath()
                + "'" + extra + "))");
        return name;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rembedReturnsTheProvidersVectorAsFloat32AndSendsTheKeyItsWay(Case c) throws SQLException {
        try (Connection conn = SqlTestSupport.open()) {
            register(conn, "c", c, locked, ", 'key', '" + KEY + "'");
            assertArrayEquals(expected(c, "hello"), blob(conn, "SELECT rembed('c', 'hello')"));
            assertEquals(1, locked.metrics().requests(c.endpoint()));
            String sent = locked.metrics().credentials().get(0);
            assertTrue(sent.equals(KEY) || sent.equals("Bearer " + KEY), sent);

            register(conn, "wrong", c, locked, ", 'key', 'sk-wrong-key-000999'");
            String msg = error(conn, "SELECT rembed('wrong', 'hello')");
            assertTrue(msg.contains("rembed: " + c.provider() + " model '" + c.model() + "'"), msg);
            assertTrue(msg.matches("(?s).*HTTP (401|400|403).*"), msg);
            assertFalse(msg.contains("sk-wrong-key-000999"), msg);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void batchesGoOutBatchSizeTextsAtATimeInInputOrder(Case c) throws Exception {
        try (Connection conn = SqlTestSupport.open()) {
            register(conn, "c", c, locked, ", 'key', '" + KEY + "', 'batch_size', 2");
            JsonNode items = new ObjectMapper().readTree(text(conn,
                    "SELECT rembed_batch('c', json_array('t0', 't1', NULL, 't3', 't4', 't5'))"));
            assertTrue(items.get(2).isNull());
            for (int i : new int[] {0, 1, 3, 4, 5}) {
                assertArrayEquals(expected(c, "t" + i), Base64.getDecoder().decode(items.get(i).asText()), "item " + i);
            }
            boolean oneText = c.endpoint() == Endpoint.LLAMAFILE_EMBEDDING || c.endpoint() == Endpoint.OLLAMA_EMBEDDINGS;
            assertEquals(oneText ? 5 : 3, locked.metrics().requests(c.endpoint()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rateLimitsAreRetriedAfterRetryAfterAndClientErrorsAreNot(Case c) throws SQLException {
        try (Connection conn = SqlTestSupport.open()) {
            register(conn, "c", c, locked, ", 'key', '" + KEY + "'");
            locked.faults().failNext(c.endpoint(), 1, Fault.tooManyRequests(Duration.ofMillis(30)));
            assertArrayEquals(expected(c, "again"), blob(conn, "SELECT rembed('c', 'again')"));
            assertEquals(2, locked.metrics().requests(c.endpoint()));

            locked.faults().failNext(c.endpoint(), 1, Fault.status(400));
            String msg = error(conn, "SELECT rembed('c', 'refused')");
            assertTrue(msg.contains("HTTP 400"), msg);
            assertFalse(msg.contains("attempts"), msg);
            assertEquals(3, locked.metrics().requests(c.endpoint()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theInputTypeGoesWhereTheProviderTakesItAndIsRefusedElsewhere(Case c) throws SQLException {
        try (Connection conn = SqlTestSupport.open()) {
            register(conn, "c", c, open, "");
            if (c.inputType() == null) {
                String msg = error(conn, "SELECT rembed('c', 'x', 'search_query')");
                assertTrue(msg.contains("rembed: client 'c': " + c.provider() + " takes no input_type"), msg);
                return;
            }
            String model = c.vectorModel() != null ? c.vectorModel() : c.model();
            assertArrayEquals(Vectors.toBlob(SimulatedProvider.vectorFor(model, c.inputType() + ": x", DIMS)),
                    blob(conn, "SELECT rembed('c', 'x', 'search_query')"));
            assertArrayEquals(expected(c, "x"), blob(conn, "SELECT rembed('c', 'x', NULL)"));
        }
    }

    /** Every key variable is set; none of them may reach the simulator, which is not any provider's host. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anEnvironmentKeyIsNeverSentToAServerOnAnotherPort(Case c) throws SQLException {
        Map<String, String> env = new HashMap<>();
        for (String v : new String[] {"OPENAI_API_KEY", "NOMIC_API_KEY", "CO_API_KEY", "COHERE_API_KEY", "JINA_API_KEY",
                "MIXEDBREAD_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "MISTRAL_API_KEY", "VOYAGE_API_KEY",
                "AZURE_OPENAI_API_KEY"}) {
            env.put(v, "env-secret-" + v);
        }
        env.put("AZURE_OPENAI_ENDPOINT", "https://myres.openai.azure.com");
        try (Connection conn = SqlTestSupport.open(RembedConfig.builder().environment(env::get).build())) {
            register(conn, "c", c, open, "");
            assertArrayEquals(expected(c, "hi"), blob(conn, "SELECT rembed('c', 'hi')"));
        }
        assertTrue(open.metrics().credentials().stream().noneMatch(k -> k.contains("env-secret")),
                open.metrics().credentials().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theJsonFormAndTheJavaApiReachTheSameServer(Case c) throws SQLException {
        String json = "{\"provider\": \"" + c.provider() + "\", \"api_key\": \"" + KEY + "\", \"url\": \""
                + locked.baseUrl() + c.urlPath() + "\"}";
        try (Connection conn = SqlTestSupport.open()) {
            exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('" + c.model() + "', '" + json + "')");
            assertArrayEquals(expected(c, "json"), blob(conn, "SELECT rembed('" + c.model() + "', 'json')"));
        }
        TextClient java = Rembed.textClient(c.model(), json);
        assertArrayEquals(expected(c, "java"), Vectors.toBlob(java.embed("java")));
        assertTrue(java.describe().startsWith(c.provider() + " model '" + c.model() + "'"), java.describe());
    }
}
