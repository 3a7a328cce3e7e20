package io.github.rembed.internal.sql;

import static io.github.rembed.SqlTestSupport.blob;
import static io.github.rembed.SqlTestSupport.error;
import static io.github.rembed.SqlTestSupport.exec;
import static io.github.rembed.SqlTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.Rembed;
import io.github.rembed.RembedConfig;
import io.github.rembed.RembedException;
import io.github.rembed.SqlTestSupport;
import io.github.rembed.TestImages;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registration forms of sqlite-rembed and its multimodal fork, as their scripts write
 * them, through {@code temp.rembed_clients}, {@code rembed_client_options(...)} and the Java API.
 */
class ClientFormsSqlTest {
    /** No key variable is set: scripts must still register what they never call. */
    private static final RembedConfig NO_KEYS = RembedConfig.builder().environment(Map.<String, String>of()::get).build();
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = SqlTestSupport.open(NO_KEYS);
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private String names() throws SQLException {
        return SqlTestSupport.clientNames(conn);
    }

    /** sqlite-rembed's own test script: one INSERT, every provider, no key needed until a client is called. */
    @Test
    void sqliteRembedsOneInsertOfEveryProviderRegistersThemAll() throws SQLException {
        exec(conn, """
                INSERT INTO temp.rembed_clients(name, options) VALUES
                  ('text-embedding-3-small','openai'),
                  ('jina-embeddings-v2-base-en','jina'),
                  ('mixedbread-ai/mxbai-embed-large-v1','mixedbread'),
                  ('nomic-embed-text-v1.5', 'nomic'),
                  ('embed-english-v3.0', 'cohere'),
                  ('snowflake-arctic-embed:s', 'ollama'),
                  ('llamafile', 'llamafile'),
                  (
                    'mxbai-embed-large-v1-f16',
                    rembed_client_options(
                      'format', 'llamafile',
                      --'url', 'http://mm1:8080/v1/embeddings'
                      'url', 'http://mm1:8080/embedding'
                    )
                  );
                """);
        assertEquals("all-minilm-l6-v2,embed-english-v3.0,jina-embeddings-v2-base-en,llamafile,local,"
                + "mixedbread-ai/mxbai-embed-large-v1,mxbai-embed-large-v1-f16,nomic-embed-text-v1.5,"
                + "snowflake-arctic-embed:s,text-embedding-3-small", names());
        String msg = error(conn, "SELECT length(rembed('text-embedding-3-small', 'obama the person'))");
        assertTrue(msg.contains("rembed: openai model 'text-embedding-3-small' at https://api.openai.com/v1/embeddings: "
                + "no API key for openai: set OPENAI_API_KEY or pass 'key' in the client's options"), msg);
        msg = error(conn, "SELECT rembed('embed-english-v3.0', 'obama the person', 'search_document')");
        assertTrue(msg.contains("no API key for cohere: set CO_API_KEY or COHERE_API_KEY"), msg);
    }

    @Test
    void everyProviderInEveryShortForm() throws SQLException {
        try (Connection c = SqlTestSupport.open(RembedConfig.builder()
                .environment(Map.of("AZURE_OPENAI_ENDPOINT", "https://myres.openai.azure.com")::get).build())) {
            StringBuilder rows = new StringBuilder();
            String[] providers = {"openai", "ollama", "nomic", "cohere", "jina", "mixedbread", "llamafile", "gemini",
                    "google", "mistral", "voyage", "azure", "local"};
            for (String p : providers) {
                rows.append(rows.isEmpty() ? "" : ", ").append("('").append(p).append("-model', '").append(p)
                        .append("'), ('").append(p).append("-named', '").append(p).append("::some-model'), ('")
                        .append(p).append("-key', '").append(p).append(":key-for-").append(p).append("')");
            }
            exec(c, "INSERT INTO temp.rembed_clients(name, options) VALUES " + rows);
            assertEquals(2 + 3 * providers.length, Integer.parseInt(text(c, "SELECT count(*) FROM temp.rembed_clients")));
        }
    }

    /** AZURE_OPENAI_ENDPOINT is Azure's own host: the 'azure' short form reaches it with the environment's key. */
    @Test
    void azuresEnvironmentKeyGoesToItsEndpoint() throws SQLException {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(8).requireKey("az-env-key-1").start();
             Connection c = SqlTestSupport.open(RembedConfig.builder().environment(Map.of(
                     "AZURE_OPENAI_ENDPOINT", sim.baseUrl(), "AZURE_OPENAI_API_KEY", "az-env-key-1")::get).build())) {
            exec(c, "INSERT INTO temp.rembed_clients(name, options) VALUES ('my-deployment', 'azure')");
            assertArrayEquals(Vectors.toBlob(SimulatedProvider.vectorFor("my-deployment", "hi", 8)),
                    blob(c, "SELECT rembed('my-deployment', 'hi')"));
            assertEquals(List.of("az-env-key-1"), sim.metrics().credentials());
        }
    }

    /** The fork's api_keys.sql, method by method. */
    @Test
    void theForksKeyFormsRegisterWithTheirKeys() throws SQLException {
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('openai-with-key', 'openai:sk-test-key-12345')");
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES "
                + "('gemini-with-key', '{\"provider\": \"gemini\", \"api_key\": \"test-gemini-key-67890\"}')");
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES "
                + "('custom-openai', '{\"model\": \"openai::text-embedding-3-large\", \"key\": \"sk-custom-key-abcdef\"}')");
        exec(conn, """
                INSERT INTO temp.rembed_clients(name, options) VALUES
                  ('options-based',
                   rembed_client_options(
                     'format', 'openai',
                     'model', 'text-embedding-ada-002',
                     'key', 'sk-options-key-xyz789'
                   )
                  );""");
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('ollama-local', 'ollama::nomic-embed-text')");
        assertEquals("all-minilm-l6-v2,custom-openai,gemini-with-key,local,ollama-local,openai-with-key,options-based",
                names());
        assertEquals("{\"format\":\"openai\",\"model\":\"text-embedding-ada-002\",\"key\":\"sk-options-key-xyz789\"}",
                text(conn, "SELECT options FROM temp.rembed_clients WHERE name = 'options-based'"));
    }

    @Test
    void theJavaApiTakesEveryFormToo() {
        assertEquals("openai model 'openai-with-key' at https://api.openai.com/v1/embeddings",
                Rembed.textClient("openai-with-key", "openai:sk-test-key-12345", NO_KEYS).describe());
        assertEquals("gemini model 'text-embedding-004' at "
                + "https://generativelanguage.googleapis.com/v1beta/models/text-embedding-004:batchEmbedContents",
                Rembed.textClient("text-embedding-004", "{\"provider\": \"gemini\", \"api_key\": \"g-123456\"}", NO_KEYS)
                        .describe());
        assertEquals("openai model 'text-embedding-3-large' at https://api.openai.com/v1/embeddings",
                Rembed.textClient("{\"model\": \"openai::text-embedding-3-large\", \"key\": \"sk-c-123456\"}", NO_KEYS)
                        .describe());
        assertEquals("cohere model 'embed-english-v3.0' at https://api.cohere.com/v2/embed",
                Rembed.textClient("embed-english-v3.0", "cohere", NO_KEYS).describe());
        assertEquals("voyage model 'voyage-3' at https://api.voyageai.com/v1/embeddings",
                Rembed.textClient("x", "anthropic::voyage-3", NO_KEYS).describe());
        RembedException e = assertThrows(RembedException.class, () -> Rembed.textClient("openai:sk-abc123456", NO_KEYS));
        assertTrue(e.getMessage().contains("the options name no model"), e.getMessage());
    }

    /** The fork's genai.sql: provider alone, provider::model, options without a key. */
    @Test
    void clientsWithoutKeysRegisterAndSayWhatIsMissingWhenCalled() throws SQLException {
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('test-ollama', 'ollama')");
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('test-openai', 'openai::text-embedding-3-small')");
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('test-custom', "
                + "rembed_client_options('format', 'openai', 'model', 'text-embedding-3-large'))");
        assertEquals("all-minilm-l6-v2,local,test-custom,test-ollama,test-openai", names());
        String msg = error(conn, "SELECT rembed('test-custom', 'x')");
        assertTrue(msg.contains("openai model 'text-embedding-3-large'"), msg);
        assertTrue(msg.contains("no API key for openai: set OPENAI_API_KEY"), msg);
    }

    @Test
    void malformedFormsNameTheClientAndWhatIsWrongAndRegisterNothing() throws SQLException {
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('kept', 'local')");
        String[][] cases = {
                {"'cohear'", "client 'bad': unknown provider 'cohear'; supported: openai, ollama, local, nomic, cohere"},
                {"'groq:gsk_abc123'", "client 'bad': groq has no embedding models"},
                {"'{\"format\": \"openai\", \"model\": \"\"}'", "client 'bad': model must not be empty"},
                {"'[\"openai\"]'", "client 'bad': options must be a JSON object"},
                {"'{\"format\": \"openai\", \"colour\": \"red\"}'", "client 'bad': unknown option 'colour'"},
                {"'{\"format\": \"openai\", \"key\": sk-unquoted-1234}'", "client 'bad': options are not valid JSON"},
                {"'{\"format\": \"openai\", \"format\": \"ollama\"}'", "client 'bad': option 'format' given twice"},
                {"'{\"format\": \"ollama\", \"url\": \"http://127.0.0.1:/api\"}'", "client 'bad': url 'http://127.0.0.1:/api' has an empty port"},
                {"'openai:'", "client 'bad': key missing after 'openai:'"},
        };
        for (String[] c : cases) {
            String msg = error(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('bad', " + c[0] + ")");
            assertTrue(msg.contains("temp.rembed_clients: " + c[1]), msg);
            assertFalse(msg.contains("unquoted"), "keys never appear in errors: " + msg);
            assertEquals("all-minilm-l6-v2,kept,local", names());
            assertTrue(error(conn, "SELECT rembed('bad', 'x')").contains("client 'bad' was not registered"));
        }
        String msg = error(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('kept', 'cohear')");
        assertTrue(msg.contains("client 'kept': unknown provider"), msg);
        assertEquals("local", text(conn, "SELECT options FROM temp.rembed_clients WHERE name = 'kept'"));
        assertEquals(384 * 4, blob(conn, "SELECT rembed('kept', 'still the local model')").length);
    }

    /** The fork registers multimodal clients in temp.rembed_clients with rembed_client_options. */
    @Test
    void aMultimodalClientInTheTextTableServesImages() throws Exception {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(8).start()) {
            exec(conn, "INSERT OR REPLACE INTO temp.rembed_clients(name, options) VALUES ('ollama-multimodal-fast', "
                    + "rembed_client_options('format', 'ollama', 'model', 'llava:7b', 'embedding_model', 'nomic-embed-text',"
                    + " 'url', '" + sim.baseUrl() + "', 'max_concurrent_requests', '4'))");
            assertTrue(names().contains("ollama-multimodal-fast"));
            byte[] png = TestImages.unique();
            String image = TestImages.sqlBase64(png);
            byte[] expected = Vectors.toBlob(SimulatedProvider.vectorFor("nomic-embed-text",
                    SimulatedProvider.captionFor("llava:7b", png), 8));
            assertArrayEquals(expected, blob(conn, "SELECT rembed_image('ollama-multimodal-fast', " + image + ")"));
            assertTrue(text(conn, "SELECT rembed_images_concurrent('ollama-multimodal-fast', json_array(" + image + "))")
                    .contains("\"successful\":1"));
            assertTrue(error(conn, "SELECT rembed('ollama-multimodal-fast', 'x')").contains("is a multimodal client"));

            exec(conn, "DELETE FROM temp.rembed_clients WHERE name = 'ollama-multimodal-fast'");
            assertTrue(error(conn, "SELECT rembed_image('ollama-multimodal-fast', " + image + ")")
                    .contains("multimodal client 'ollama-multimodal-fast' was not registered"));
        }
    }

    @Test
    void rembedImagePromptAsksTheVisionModelWithThisCallsInstruction() throws Exception {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(8).start()) {
            exec(conn, "INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('mm', "
                    + "rembed_multimodal_client_options('format', 'ollama', 'url', '" + sim.baseUrl() + "'))");
            byte[] png = TestImages.unique();
            String image = TestImages.sqlBase64(png);
            byte[] expected = Vectors.toBlob(SimulatedProvider.vectorFor("nomic-embed-text",
                    SimulatedProvider.captionFor("llava:7b", png), 8));
            assertArrayEquals(expected, blob(conn, "SELECT rembed_image_prompt('mm', " + image + ", 'List the colours.')"));
            assertArrayEquals(expected, blob(conn, "SELECT rembed_image_prompt('mm', " + image + ", 'Count the cats.')"));
            assertEquals(List.of("List the colours.", "Count the cats."), sim.metrics().visionPrompts());
            assertTrue(error(conn, "SELECT rembed_image_prompt('mm', " + image + ", ' ')").contains(
                    "rembed_image_prompt: prompt must not be empty"));
            assertTrue(error(conn, "SELECT rembed_image_prompt('mm', " + image + ")").contains(
                    "usage: rembed_image_prompt(client, image, prompt)"));
        }
    }
}
