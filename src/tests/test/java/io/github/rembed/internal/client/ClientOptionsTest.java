package io.github.rembed.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.RembedException;
import io.github.rembed.internal.concurrency.LimitSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertEquals("https://api.openai.com/v1/embeddings", spec.url());
        assertEquals("sk-envkey1234", spec.key());
    }

    @Test
    void providerColonColonModel() {
        ClientSpec spec = noEnv.parse("nomic", "ollama::nomic-embed-text");
        assertEquals(Provider.OLLAMA, spec.provider());
        assertEquals("nomic-embed-text", spec.model());
        assertEquals("http://localhost:11434/api/embed", spec.url());
        assertEquals("llava:7b", noEnv.parse("v", "ollama::llava:7b").model(), "a model may hold single colons");
    }

    @Test
    void providerColonKeyIsTheForksInlineKeyAndTheKeyMayHoldColons() {
        ClientSpec spec = noEnv.parse("text-embedding-3-small", "openai:sk-proj-abc:def::ghi");
        assertEquals(Provider.OPENAI, spec.provider());
        assertEquals("text-embedding-3-small", spec.model());
        assertEquals("sk-proj-abc:def::ghi", spec.key());
        ClientSpec gemini = noEnv.parse("text-embedding-004", "gemini:AIzaSyExample123");
        assertEquals(Provider.GEMINI, gemini.provider());
        assertEquals("AIzaSyExample123", gemini.key());
        assertMessage("key missing after 'openai:'", () -> noEnv.parse("c", "openai:"));
    }

    @Test
    void jsonObjectsOfTheForkAndItsKeyNames() {
        ClientSpec gemini = noEnv.parse("text-embedding-004", "{\"provider\": \"gemini\", \"api_key\": \"g-key-12345\"}");
        assertEquals(Provider.GEMINI, gemini.provider());
        assertEquals("text-embedding-004", gemini.model());
        assertEquals("g-key-12345", gemini.key());
        assertEquals("https://generativelanguage.googleapis.com/v1beta/models/text-embedding-004:batchEmbedContents",
                gemini.url());

        ClientSpec large = noEnv.parse("custom", "{\"model\": \"openai::text-embedding-3-large\", \"key\": \"sk-c-123456\"}");
        assertEquals(Provider.OPENAI, large.provider());
        assertEquals("text-embedding-3-large", large.model());

        ClientSpec flavor = noEnv.parse("x", "{\"flavor\": \"ollama\", \"model\": \"all-minilm\"}");
        assertEquals(Provider.OLLAMA, flavor.provider(), "flavor is sqlite-rembed's older name of format");
        assertEquals(Provider.NOMIC, noEnv.parse("m", "{\"model\": \"nomic::nomic-embed-text-v1.5\"}").provider());
    }

    @Test
    void ollamaHostIsHonouredInItsShortForms() {
        assertEquals("http://10.1.2.3:11434/api/embed",
                withEnv(Map.of("OLLAMA_HOST", "10.1.2.3")).parse("n", "ollama").url());
        assertEquals("http://example.test:8000/api/embed",
                withEnv(Map.of("OLLAMA_HOST", "example.test:8000")).parse("n", "ollama").url());
        assertEquals("https://o.test:443/api/embed",
                withEnv(Map.of("OLLAMA_HOST", "https://o.test:443")).parse("n", "ollama").url());
        assertEquals("http://localhost:11434/api/embed",
                withEnv(Map.of("OLLAMA_HOST", "0.0.0.0")).parse("n", "ollama").url());
    }

    @Test
    void urlsMayBeTheFullEndpointOrTheBase() {
        ClientSpec full = noEnv.parse("custom", "{\"format\":\"openai\",\"model\":\"m\","
                + "\"url\":\"http://127.0.0.1:8080/v1/embeddings\",\"key\":\"sk-explicit99\",\"batch_size\":7}");
        assertEquals("http://127.0.0.1:8080/v1/embeddings", full.url());
        assertEquals("sk-explicit99", full.key());
        assertEquals(7, full.batchSize());
        assertEquals("http://127.0.0.1:8080/v1/embeddings", noEnv.parse("c",
                "{\"format\":\"openai\",\"url\":\"http://127.0.0.1:8080/v1/\"}").url());
        assertEquals("http://127.0.0.1:9/v1/embedding/text", noEnv.parse("c",
                "{\"format\":\"nomic\",\"url\":\"http://127.0.0.1:9\"}").url(), "a bare root gets the provider's path");
        assertEquals("http://mm1:8080/embedding", noEnv.parse("c",
                "{\"format\":\"llamafile\",\"url\":\"http://mm1:8080/embedding\"}").url());
        assertEquals("http://127.0.0.1:9/v1beta/models/m:batchEmbedContents", noEnv.parse("m",
                "{\"format\":\"gemini\",\"url\":\"http://127.0.0.1:9\"}").url());
    }

    @Test
    void olderEndpointsSpeakTheirOlderFormats() {
        ClientSpec legacy = noEnv.parse("o", "{\"format\":\"ollama\",\"url\":\"http://127.0.0.1:9/x/api/embeddings\","
                + "\"batch_size\":32}");
        assertEquals(Wire.OLLAMA_LEGACY, legacy.wire());
        assertEquals(1, legacy.batchSize(), "the legacy endpoint takes one text per request");
        assertEquals("http://127.0.0.1:9/api/embed", noEnv.parse("o",
                "{\"format\":\"ollama\",\"url\":\"http://127.0.0.1:9/\"}").url());
        assertEquals(Wire.COHERE_V1, noEnv.parse("c", "{\"format\":\"cohere\",\"url\":\"http://127.0.0.1:9/v1/embed\"}")
                .wire());
        assertEquals(Wire.COHERE_V2, noEnv.parse("c", "cohere").wire());
        assertEquals(1, noEnv.parse("l", "llamafile").batchSize());
    }

    /** Provider, key variable, default endpoint: the table of PROVIDERS.md. */
    @ParameterizedTest
    @CsvSource({
            "openai, OPENAI_API_KEY, https://api.openai.com/v1/embeddings",
            "nomic, NOMIC_API_KEY, https://api-atlas.nomic.ai/v1/embedding/text",
            "cohere, CO_API_KEY, https://api.cohere.com/v2/embed",
            "cohere, COHERE_API_KEY, https://api.cohere.com/v2/embed",
            "jina, JINA_API_KEY, https://api.jina.ai/v1/embeddings",
            "mixedbread, MIXEDBREAD_API_KEY, https://api.mixedbread.ai/v1/embeddings/",
            "gemini, GEMINI_API_KEY, https://generativelanguage.googleapis.com/v1beta/models/m1:batchEmbedContents",
            "google, GOOGLE_API_KEY, https://generativelanguage.googleapis.com/v1beta/models/m1:batchEmbedContents",
            "mistral, MISTRAL_API_KEY, https://api.mistral.ai/v1/embeddings",
            "voyage, VOYAGE_API_KEY, https://api.voyageai.com/v1/embeddings",
    })
    void eachProviderTakesItsVariableForItsOwnHostOnly(String provider, String variable, String endpoint) {
        ClientOptions env = withEnv(Map.of(variable, "env-secret-" + variable));
        ClientSpec home = env.parse("m1", provider);
        assertEquals(endpoint, home.url());
        assertEquals("env-secret-" + variable, home.key());

        String host = java.net.URI.create(endpoint).getHost();
        for (String elsewhere : new String[] {"https://" + host + ":8443", "http://" + host, "http://127.0.0.1:9"}) {
            ClientSpec other = env.parse("m1", "{\"format\":\"" + provider + "\",\"url\":\"" + elsewhere + "/v1\"}");
            assertNull(other.key(), elsewhere);
            assertNull(other.missingKey(), elsewhere + " needs no key");
        }
        ClientSpec explicit = env.parse("m1", "{\"format\":\"" + provider + "\",\"url\":\"http://127.0.0.1:9/v1\","
                + "\"key\":\"given-key-123\"}");
        assertEquals("given-key-123", explicit.key());
    }

    @Test
    void theFirstVariableThatIsSetWins() {
        Map<String, String> env = new HashMap<>(Map.of("CO_API_KEY", "co-first", "COHERE_API_KEY", "cohere-second"));
        assertEquals("co-first", withEnv(env).parse("e", "cohere").key());
        env.remove("CO_API_KEY");
        assertEquals("cohere-second", withEnv(env).parse("e", "cohere").key());
        assertEquals("gemini-first", withEnv(Map.of("GEMINI_API_KEY", "gemini-first", "GOOGLE_API_KEY", "g2"))
                .parse("e", "gemini").key());
    }

    @Test
    void aMissingKeyIsReportedAtFirstUseNotAtRegistration() {
        ClientSpec spec = noEnv.parse("text-embedding-3-small", "openai");
        assertNull(spec.key());
        assertEquals("OPENAI_API_KEY", spec.missingKey());
        RembedException e = assertThrows(RembedException.class, spec::requireKey);
        assertEquals("no API key for openai: set OPENAI_API_KEY or pass 'key' in the client's options", e.getMessage());
        assertEquals("CO_API_KEY or COHERE_API_KEY", noEnv.parse("e", "cohere").missingKey());
        assertNull(noEnv.parse("e", "ollama").missingKey());
    }

    @Test
    void azureNeedsItsResourceAndKeepsItsKeyThere() {
        Map<String, String> env = Map.of("AZURE_OPENAI_API_KEY", "az-key-123456",
                "AZURE_OPENAI_ENDPOINT", "https://myres.openai.azure.com");
        ClientSpec spec = withEnv(env).parse("my-deployment", "azure");
        assertEquals("https://myres.openai.azure.com/openai/deployments/my-deployment/embeddings?api-version="
                + Endpoints.AZURE_API_VERSION, spec.url());
        assertEquals("az-key-123456", spec.key());
        assertEquals(Auth.AZURE, spec.provider().auth());
        ClientSpec other = withEnv(env).parse("d", "{\"format\":\"azure\",\"url\":\"https://other.openai.azure.com\"}");
        assertNull(other.key(), "the environment's key stays with AZURE_OPENAI_ENDPOINT's resource");
        assertEquals("https://x.test/openai/deployments/d/embeddings?api-version=2024-02-01", noEnv.parse("d",
                "{\"format\":\"azure\",\"url\":\"https://x.test/openai/deployments/d/embeddings?api-version=2024-02-01\"}")
                .url());
        assertMessage("azure needs 'url'", () -> noEnv.parse("d", "azure"));
    }

    @Test
    void providersWithoutEmbeddingModelsAreRefusedAtRegistration() {
        assertMessage("groq has no embedding models", () -> noEnv.parse("llama-3.3-70b", "groq:gsk_abc123"));
        assertMessage("anthropic has no embedding models (Anthropic recommends Voyage AI",
                () -> noEnv.parse("claude", "{\"provider\": \"anthropic\", \"api_key\": \"sk-ant-123456\"}"));
        assertEquals(Provider.VOYAGE, noEnv.parse("c", "anthropic::voyage-3").provider(),
                "the fork files Voyage's models under anthropic::");
    }

    @Test
    void localProviderNeedsNoServer() {
        ClientSpec spec = noEnv.parse("mini", "local");
        assertEquals(Provider.LOCAL, spec.provider());
        assertNull(spec.url());
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertMessage("client 'c': unknown provider 'cohear'; supported: openai, ollama, local, nomic, cohere",
                () -> noEnv.parse("c", "cohear"));
        assertMessage("unknown option 'modle'", () -> noEnv.parse("c", "{\"format\":\"ollama\",\"modle\":\"x\"}"));
        assertMessage("missing option 'format'", () -> noEnv.parse("c", "{\"model\":\"x\"}"));
        assertMessage("options are not valid JSON (line 1, column", () -> noEnv.parse("c", "{\"format\":"));
        assertMessage("options must be a JSON object", () -> noEnv.parse("c", "[\"openai\"]"));
        assertMessage("options are not valid JSON", () -> noEnv.parse("c", "{\"format\":\"openai\"} []"));
        assertMessage("batch_size' must be a whole number from 1 to 2048, got '0'",
                () -> noEnv.parse("c", "{\"format\":\"ollama\",\"batch_size\":0}"));
        assertMessage("batch_size for cohere is at most 96, got 200",
                () -> noEnv.parse("c", "{\"format\":\"cohere\",\"batch_size\":200}"));
        assertMessage("must be an http:// or https:// URL", () -> noEnv.parse("c",
                "{\"format\":\"ollama\",\"url\":\"ftp://x\"}"));
        assertMessage("options are empty", () -> noEnv.parse("c", " "));
        assertMessage("must not carry credentials", () -> noEnv.parse("c",
                "{\"format\":\"ollama\",\"url\":\"http://user:pw@127.0.0.1:1\"}"));
        assertMessage("model must not be empty", () -> noEnv.parse("c", "{\"format\":\"openai\",\"model\":\" \"}"));
        assertMessage("model missing after '::'", () -> noEnv.parse("c", "ollama::"));
        assertMessage("format 'ollama' and model 'openai::...' name different providers",
                () -> noEnv.parse("c", "{\"format\":\"ollama\",\"model\":\"openai::m\"}"));
        assertMessage("option 'vision_prompt' belongs to multimodal clients",
                () -> noEnv.parse("c", "{\"format\":\"ollama\",\"vision_prompt\":\"x\"}"));
        assertMessage("option 'max_concurrent_requests' must be 'auto' or a whole number from 1 to 256, got 'lots'",
                () -> noEnv.parse("c", "{\"format\":\"ollama\",\"max_concurrent_requests\":\"lots\"}"));
        assertMessage("option 'max_concurrent_requests' must be 'auto' or a whole number from 1 to 256, got '300'",
                () -> noEnv.parse("c", "{\"format\":\"ollama\",\"max_concurrent_requests\":300}"));
        assertMessage("option 'dimensions' is sent to OpenAI-style and Ollama servers only; cohere takes none here",
                () -> noEnv.parse("c", "{\"format\":\"cohere\",\"dimensions\":256}"));
        assertMessage("option 'encoding_format' must be 'float' or 'base64', got 'binary'",
                () -> noEnv.parse("c", "{\"format\":\"openai\",\"encoding_format\":\"binary\"}"));
        assertMessage("option 'encoding_format' is sent to OpenAI-style servers only; ollama takes none here",
                () -> noEnv.parse("c", "{\"format\":\"ollama\",\"encoding_format\":\"base64\"}"));
        assertMessage("url lists an empty endpoint", () -> noEnv.parse("c",
                "{\"format\":\"ollama\",\"url\":\"http://a:1,,http://b:1\"}"));
        assertMessage("the endpoints in 'url' speak different APIs", () -> noEnv.parse("c",
                "{\"format\":\"cohere\",\"url\":\"http://a:1/v2/embed, http://b:1/v1/embed\"}"));
    }

    @Test
    void anOptionGivenTwiceIsAnError() {
        assertMessage("client 'c': option 'format' given twice",
                () -> noEnv.parse("c", "{\"format\":\"ollama\",\"format\":\"openai\"}"));
        assertMessage("option 'key' given twice",
                () -> noEnv.parse("c", "{\"format\":\"openai\",\"key\":\"a-1234\",\"api_key\":\"b-1234\"}"));
        assertMessage("option 'format' given twice",
                () -> noEnv.parse("c", "{\"format\":\"openai\",\"FLAVOR\":\"openai\"}"));
    }

    @Test
    void anUrlWithAnEmptyPortIsRefused() {
        assertMessage("url 'http://127.0.0.1:/v1' has an empty port",
                () -> noEnv.parse("c", "{\"format\":\"openai\",\"url\":\"http://127.0.0.1:/v1\"}"));
    }

    @Test
    void keysNeverAppearInErrors() {
        String secret = "sk-unquoted-secret-42";
        RembedException bad = assertThrows(RembedException.class,
                () -> noEnv.parse("c", "{\"format\":\"openai\",\"key\": " + secret + "}"));
        assertFalse(bad.getMessage().contains("unquoted"), bad.getMessage());
        RembedException unknown = assertThrows(RembedException.class, () -> noEnv.parse("c", "opena:" + secret));
        assertFalse(unknown.getMessage().contains("unquoted"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("unknown provider 'opena'"), unknown.getMessage());
    }

    @Test
    void theKeyNeverShowsInToString() {
        ClientSpec spec = noEnv.parse("c", "{\"format\":\"openai\",\"url\":\"http://127.0.0.1:1/v1\","
                + "\"key\":\"sk-secret-value-1\"}");
        assertFalse(spec.toString().contains("sk-secret-value-1"));
        assertFalse(spec.describe().contains("sk-secret-value-1"));
    }

    @Test
    void concurrencyIsANumberOrAutoAndFourByDefault() {
        assertEquals(LimitSpec.fixed(4), noEnv.parse("c", "ollama::m").maxConcurrent());
        assertEquals(LimitSpec.fixed(12), noEnv.parse("c", "{\"format\":\"ollama\",\"max_concurrent_requests\":12}")
                .maxConcurrent());
        assertEquals(LimitSpec.auto(), noEnv.parse("c", "{\"format\":\"ollama\",\"max_concurrent_requests\":\" Auto \"}")
                .maxConcurrent());
    }

    @Test
    void aUrlMayListSeveralServersEachNormalisedTheProvidersWay() {
        ClientSpec spec = noEnv.parse("c", "{\"format\":\"openai\",\"model\":\"m\",\"url\":"
                + "\"http://a:1/v1, http://b:2/v1/embeddings,http://a:1/v1/\"}");
        assertEquals(List.of("http://a:1/v1/embeddings", "http://b:2/v1/embeddings"), spec.urls(), "a repeat counts once");
        assertEquals("http://a:1/v1/embeddings", spec.url());
        assertTrue(spec.describe().contains("http://a:1/v1/embeddings, http://b:2/v1/embeddings"), spec.describe());
        ClientSpec ollama = noEnv.parse("c", "{\"format\":\"ollama\",\"model\":\"m\",\"url\":\"http://o1:11434,http://o2:11434\"}");
        assertEquals(List.of("http://o1:11434/api/embed", "http://o2:11434/api/embed"), ollama.urls());
        assertMessage("the local model takes no url", () -> noEnv.parse("c", "{\"format\":\"local\",\"url\":\"http://a:1\"}"));
    }

    @Test
    void anEnvironmentKeyGoesToSeveralServersOnlyWhenAllAreTheProvidersOwn() {
        ClientOptions env = withEnv(Map.of("OPENAI_API_KEY", "sk-env-0000001"));
        assertEquals("sk-env-0000001", env.parse("m", "{\"format\":\"openai\",\"url\":"
                + "\"https://api.openai.com/v1,https://api.openai.com/v1/embeddings\"}").key());
        assertNull(env.parse("m", "{\"format\":\"openai\",\"url\":\"https://api.openai.com/v1,http://127.0.0.1:9/v1\"}")
                .key(), "one server elsewhere: no environment key for any");
        assertEquals("sk-given-0000002", env.parse("m", "{\"format\":\"openai\",\"key\":\"sk-given-0000002\",\"url\":"
                + "\"https://api.openai.com/v1,http://127.0.0.1:9/v1\"}").key());
    }

    @Test
    void openAiClientsAskForBase64RepliesAndMayAskForFewerDimensions() {
        ClientSpec openai = noEnv.parse("m", "{\"format\":\"openai\",\"dimensions\":256}");
        assertTrue(openai.base64());
        assertEquals(256, openai.dimensions());
        assertFalse(noEnv.parse("m", "{\"format\":\"openai\",\"encoding_format\":\"float\"}").base64());
        assertFalse(noEnv.parse("m", "jina").base64(), "other OpenAI-style servers get numbers unless asked");
        assertTrue(noEnv.parse("m", "{\"format\":\"jina\",\"encoding_format\":\"base64\"}").base64());
        assertEquals(64, noEnv.parse("m", "{\"format\":\"ollama\",\"dimensions\":64}").dimensions());
        assertNull(noEnv.parse("m", "ollama").dimensions());
    }

    @Test
    void javaCodeWithoutARowNameMustNameTheModel() {
        assertEquals("m", noEnv.parse(null, "ollama::m").model());
        assertMessage("the options name no model", () -> noEnv.parse(null, "{\"format\":\"ollama\"}"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        RembedException e = assertThrows(RembedException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }
}
