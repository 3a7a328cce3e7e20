package io.github.rembed.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.RembedException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {
    private static ClientOptions withEnv(Map<String, String> env) {
        return new ClientOptions(env::get);
    }

    private final ClientOptions noEnv = withEnv(Map.of());

    @Test
    void providerAloneUsesTheNameAsModel() {
        ClientSpec spec = withEnv(Map.of("OPENAI_API_KEY", "sk-envkey1234")).parse("text-embedding-3-small", "openai");
        assertEquals(Provider.OPENAI, spec.provider());
        assertEquals("text-embedding-3-small", spec.model());
        assertEquals("https://api.openai.com/v1", spec.baseUrl());
        assertEquals("sk-envkey1234", spec.key());
    }

    @Test
    void providerColonColonModel() {
        ClientSpec spec = noEnv.parse("nomic", "ollama::nomic-embed-text");
        assertEquals(Provider.OLLAMA, spec.provider());
        assertEquals("nomic-embed-text", spec.model());
        assertEquals("http://localhost:11434", spec.baseUrl());
    }

    @Test
    void ollamaHostIsHonouredInItsShortForms() {
        assertEquals("http://10.1.2.3:11434", withEnv(Map.of("OLLAMA_HOST", "10.1.2.3")).parse("n", "ollama").baseUrl());
        assertEquals("http://example.test:8000",
                withEnv(Map.of("OLLAMA_HOST", "example.test:8000")).parse("n", "ollama").baseUrl());
        assertEquals("https://o.test:443", withEnv(Map.of("OLLAMA_HOST", "https://o.test:443")).parse("n", "ollama")
                .baseUrl());
        assertEquals("http://localhost:11434", withEnv(Map.of("OLLAMA_HOST", "0.0.0.0")).parse("n", "ollama").baseUrl());
    }

    @Test
    void jsonOptionsWithFullEndpointUrl() {
        ClientSpec spec = noEnv.parse("custom", "{\"format\":\"openai\",\"model\":\"m\","
                + "\"url\":\"http://127.0.0.1:8080/v1/embeddings\",\"key\":\"sk-explicit99\",\"batch_size\":7}");
        assertEquals("http://127.0.0.1:8080/v1", spec.baseUrl());
        assertEquals("sk-explicit99", spec.key());
        assertEquals(7, spec.batchSize());
    }

    @Test
    void ollamaUrlMayNameTheEndpoint() {
        assertEquals("http://127.0.0.1:9/x", noEnv.parse("o",
                "{\"format\":\"ollama\",\"url\":\"http://127.0.0.1:9/x/api/embeddings\"}").baseUrl());
        assertEquals("http://127.0.0.1:9", noEnv.parse("o",
                "{\"format\":\"ollama\",\"url\":\"http://127.0.0.1:9/\"}").baseUrl());
    }

    @Test
    void environmentKeyIsNeverSentToAnotherHost() {
        ClientOptions env = withEnv(Map.of("OPENAI_API_KEY", "sk-envkey1234"));
        ClientSpec spec = env.parse("c", "{\"format\":\"openai\",\"url\":\"http://127.0.0.1:1234/v1\"}");
        assertNull(spec.key());
    }

    @Test
    void defaultHostWithoutAnyKeyIsAnErrorAtRegistration() {
        RembedException e = assertThrows(RembedException.class, () -> noEnv.parse("c", "openai"));
        assertTrue(e.getMessage().contains("OPENAI_API_KEY"), e.getMessage());
        assertTrue(e.getMessage().startsWith("client 'c'"), e.getMessage());
    }

    @Test
    void localProviderNeedsNoServer() {
        ClientSpec spec = noEnv.parse("mini", "local");
        assertEquals(Provider.LOCAL, spec.provider());
        assertNull(spec.baseUrl());
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertMessage("unknown provider 'cohere'; supported: openai, ollama, local", () -> noEnv.parse("c", "cohere"));
        assertMessage("unknown option 'modle'", () -> noEnv.parse("c", "{\"format\":\"ollama\",\"modle\":\"x\"}"));
        assertMessage("missing option 'format'", () -> noEnv.parse("c", "{\"model\":\"x\"}"));
        assertMessage("not valid JSON", () -> noEnv.parse("c", "{\"format\":"));
        assertMessage("batch_size' must be a whole number from 1 to 2048, got '0'",
                () -> noEnv.parse("c", "{\"format\":\"ollama\",\"batch_size\":0}"));
        assertMessage("batch_size' must be a whole number", () -> noEnv.parse("c",
                "{\"format\":\"ollama\",\"batch_size\":\"many\"}"));
        assertMessage("must be an http:// or https:// URL", () -> noEnv.parse("c",
                "{\"format\":\"ollama\",\"url\":\"ftp://x\"}"));
        assertMessage("options are empty", () -> noEnv.parse("c", " "));
        assertMessage("must not carry credentials", () -> noEnv.parse("c",
                "{\"format\":\"ollama\",\"url\":\"http://user:pw@127.0.0.1:1\"}"));
    }

    @Test
    void theKeyNeverShowsInToString() {
        ClientSpec spec = noEnv.parse("c", "{\"format\":\"openai\",\"url\":\"http://127.0.0.1:1/v1\","
                + "\"key\":\"sk-secret-value-1\"}");
        assertFalse(spec.toString().contains("sk-secret-value-1"));
        assertFalse(spec.describe().contains("sk-secret-value-1"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        RembedException e = assertThrows(RembedException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }
}
