package io.github.rembed.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.RembedException;
import io.github.rembed.internal.concurrency.LimitSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing multimodal client options: defaults, sides, URLs, keys, ranges. */
class MultimodalOptionsTest {
    private static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-from-env-123456",
            "OLLAMA_HOST", "ollama.internal:9999");
    private final MultimodalOptions options = new MultimodalOptions(ENV::get);

    @Test
    void theShortFormGivesTheDocumentsDefaults() {
        MultimodalSpec s = options.parse("ollama-multimodal", "ollama");
        assertEquals("llava:7b", s.vision().model());
        assertEquals("nomic-embed-text", s.embedding().model());
        assertEquals("http://ollama.internal:9999", s.vision().baseUrl(), "OLLAMA_HOST honoured");
        assertEquals("http://ollama.internal:9999/api/embed", s.embedding().url());
        assertEquals(4, s.maxConcurrent());
        assertEquals(Duration.ofSeconds(30), s.timeout());
        assertEquals(10, s.batchSize());
        assertEquals(10, s.embedding().batchSize(), "one embedding request carries up to batch_size captions");
        assertEquals(VisionSpec.DEFAULT_PROMPT, s.vision().prompt());
    }

    @Test
    void eachSideMayNameItsOwnProvider() {
        MultimodalSpec s = options.parse("x", "{\"format\":\"ollama\",\"url\":\"http://127.0.0.1:1234/api/chat\","
                + "\"vision_model\":\"bakllava\",\"embedding_model\":\"local\",\"vision_prompt\":\"Caption it.\"}");
        assertEquals("http://127.0.0.1:1234", s.vision().baseUrl());
        assertEquals(Provider.LOCAL, s.embedding().provider());
        assertEquals("Caption it.", s.vision().prompt());
        MultimodalSpec mixed = options.parse("y", "{\"vision_model\":\"openai::gpt-4o\","
                + "\"embedding_model\":\"ollama::mxbai-embed-large\"}");
        assertEquals(Provider.OPENAI, mixed.vision().provider());
        assertEquals(Provider.OLLAMA, mixed.embedding().provider());
        assertEquals("http://ollama.internal:9999/api/embed", mixed.embedding().url());
    }

    @Test
    void anEnvironmentKeyGoesOnlyToTheProvidersOwnHost() {
        MultimodalSpec official = options.parse("a", "openai");
        assertEquals("sk-from-env-123456", official.vision().key());
        assertEquals("sk-from-env-123456", official.embedding().key());
        MultimodalSpec elsewhere = options.parse("b", "{\"format\":\"openai\",\"url\":\"http://127.0.0.1:8080/v1\"}");
        assertNull(elsewhere.vision().key());
        assertNull(elsewhere.embedding().key());
        MultimodalSpec explicit = options.parse("c", "{\"format\":\"openai\",\"url\":\"http://127.0.0.1:8080/v1\","
                + "\"key\":\"sk-explicit-abcdef\"}");
        assertEquals("sk-explicit-abcdef", explicit.vision().key());
        assertFalse(explicit.toString().contains("sk-explicit"), "keys never printed");
    }

    @Test
    void theForksModelIsTheVisionModel() {
        MultimodalSpec s = options.parse("f", "{\"format\":\"ollama\",\"model\":\"moondream:latest\","
                + "\"embedding_model\":\"nomic-embed-text\",\"max_concurrent_requests\":\"6\"}");
        assertEquals("moondream:latest", s.vision().model());
        assertEquals(6, s.maxConcurrent());
        MultimodalSpec cohere = options.parse("g", "{\"vision_model\":\"llava:7b\",\"embedding_model\":"
                + "\"cohere::embed-english-v3.0\"}");
        assertEquals(Provider.COHERE, cohere.embedding().provider(), "any text provider may embed the captions");
        assertRefused("{\"model\":\"llava\",\"vision_model\":\"bakllava\"}", "name different vision models");
        assertRefused("{\"vision_model\":\"cohere::x\"}", "cohere has no vision model here");
    }

    @Test
    void severalServersAndAutoApplyToBothSides() {
        MultimodalSpec s = options.parse("fleet", "{\"format\":\"ollama\",\"url\":\"http://h1:11434, http://h2:11434/api/chat\","
                + "\"max_concurrent_requests\":\"auto\",\"batch_size\":16}");
        assertEquals(List.of("http://h1:11434", "http://h2:11434"), s.vision().baseUrls());
        assertEquals(List.of("http://h1:11434/api/embed", "http://h2:11434/api/embed"), s.embedding().urls());
        assertEquals(LimitSpec.auto(), s.limit());
        assertEquals(LimitSpec.auto(), s.embedding().maxConcurrent(), "the embedding side gets the same limit");
        assertTrue(s.describe().contains("http://h1:11434, http://h2:11434"), s.describe());
        MultimodalSpec fixed = options.parse("f", "{\"format\":\"openai\",\"url\":\"http://a:1/v1,http://b:1/v1\","
                + "\"max_concurrent_requests\":3,\"dimensions\":128}");
        assertEquals(List.of("http://a:1/v1", "http://b:1/v1"), fixed.vision().baseUrls());
        assertEquals(LimitSpec.fixed(3), fixed.limit());
        assertEquals(3, fixed.maxConcurrent());
        assertEquals(LimitSpec.fixed(3), fixed.embedding().maxConcurrent());
        assertEquals(128, fixed.embedding().dimensions());
        assertNull(fixed.vision().key(), "no environment key for servers elsewhere");
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertRefused("{\"format\":\"ollama\",\"colour\":\"red\"}", "unknown option 'colour'");
        assertRefused("{\"format\":\"local\"}", "no in-process vision model");
        assertRefused("{\"max_concurrent_requests\":257}", "max_concurrent_requests");
        assertRefused("{\"request_timeout_sec\":0}", "request_timeout_sec");
        assertRefused("{\"batch_size\":\"ten\"}", "batch_size");
        assertRefused("{\"vision_model\":\"ollama::\"}", "model missing");
        assertRefused("{\"url\":\"ftp://x\"}", "http:// or https://");
        assertRefused("", "options are empty");
    }

    private void assertRefused(String text, String reason) {
        RembedException e = assertThrows(RembedException.class, () -> options.parse("bad", text));
        assertTrue(e.getMessage().startsWith("client 'bad': "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
