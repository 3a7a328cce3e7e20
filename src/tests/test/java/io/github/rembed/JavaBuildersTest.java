package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.internal.client.ClientOptions;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.client.MultimodalOptions;
import io.github.rembed.internal.client.MultimodalSpec;
import io.github.rembed.internal.concurrency.LimitSpec;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** Typed builders: each setter checks and names its argument; a built client matches its SQL twin. */
class JavaBuildersTest {
    private static final RembedConfig NO_ENV = RembedConfig.builder().environment(Map.<String, String>of()::get).build();
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(SimSql.DIMS));

    @Test
    void aBuiltTextClientEmbedsLikeTheSameClientRegisteredInSql() throws Exception {
        TextClient client = TextClient.builder(Provider.OPENAI).model("text-embedding-3-small")
                .url(sim.baseUrl() + "/v1").batchSize(2).requestTimeout(Duration.ofSeconds(5)).config(NO_ENV).build();
        List<float[]> vectors = client.embedAll(List.of("a", "b", "c"));
        try (Connection conn = SqlTestSupport.open(NO_ENV)) {
            SqlTestSupport.exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('t', "
                    + "rembed_client_options('format', 'openai', 'model', 'text-embedding-3-small', 'url', '"
                    + sim.baseUrl() + "/v1'))");
            for (int i = 0; i < 3; i++) {
                byte[] blob = SqlTestSupport.blob(conn, "SELECT rembed('t', '" + "abc".charAt(i) + "')");
                assertArrayEquals(io.github.rembed.internal.embed.Vectors.fromBlob(blob), vectors.get(i));
            }
        }
        assertTrue(client.describe().contains("openai model 'text-embedding-3-small'"), client.describe());
    }

    @Test
    void textSettersNameTheArgumentTheyRefuse() {
        TextClient.Builder b = TextClient.builder(Provider.OPENAI);
        refused("batchSize", () -> b.batchSize(0));
        refused("batchSize", () -> b.batchSize(5000));
        refused("requestTimeout", () -> b.requestTimeout(Duration.ZERO));
        refused("requestTimeout", () -> b.requestTimeout(Duration.ofHours(2)));
        refused("model", () -> b.model(" "));
        refused("key", () -> b.key(""));
        refused("http", () -> b.url("ftp://example.com/v1"));
        refused("url", () -> TextClient.builder(Provider.LOCAL).url("http://127.0.0.1:1/"));
        refused("model is required", () -> TextClient.builder(Provider.OPENAI).config(NO_ENV).build());
        refused("batchSize for cohere is at most 96", () -> TextClient.builder(Provider.COHERE).model("embed-v4.0")
                .batchSize(200).config(NO_ENV).build());
    }

    @Test
    void throughputSettersBuildTheSameSpecAsTheirSqlOptions() {
        String urls = sim.baseUrl() + "/v1,http://127.0.0.1:1/v1";
        ClientSpec built = TextClient.builder(Provider.OPENAI).model("text-embedding-3-small").url(urls)
                .adaptiveConcurrency().dimensions(64).encodingFormat("float").spec(NO_ENV);
        ClientSpec parsed = new ClientOptions(NO_ENV.environment()).parse("t", "{\"format\": \"openai\", "
                + "\"model\": \"text-embedding-3-small\", \"url\": \"" + urls + "\", "
                + "\"max_concurrent_requests\": \"auto\", \"dimensions\": 64, \"encoding_format\": \"float\"}");
        assertEquals(parsed, built);
        assertEquals(List.of(sim.baseUrl() + "/v1/embeddings", "http://127.0.0.1:1/v1/embeddings"), built.urls());
        assertTrue(built.maxConcurrent().adaptive());
        assertEquals(64, built.dimensions());
        assertFalse(built.base64(), "float was asked for");
        ClientSpec listed = TextClient.builder(Provider.OPENAI).model("text-embedding-3-small")
                .urls(List.of(sim.baseUrl() + "/v1", "http://127.0.0.1:1/v1")).maxConcurrentRequests(8).spec(NO_ENV);
        assertEquals(built.urls(), listed.urls());
        assertEquals(LimitSpec.fixed(8), listed.maxConcurrent());
        assertTrue(listed.base64(), "OpenAI replies in base64 unless told otherwise");
    }

    @Test
    void throughputSettersNameTheArgumentTheyRefuse() {
        TextClient.Builder b = TextClient.builder(Provider.OPENAI);
        refused("maxConcurrentRequests", () -> b.maxConcurrentRequests(0));
        refused("maxConcurrentRequests", () -> b.maxConcurrentRequests(257));
        refused("dimensions", () -> b.dimensions(0));
        refused("encodingFormat", () -> b.encodingFormat("int8"));
        refused("urls", () -> b.urls(List.of()));
        refused("url lists an empty endpoint", () -> b.url("http://127.0.0.1:1/v1,,http://127.0.0.1:2/v1"));
        refused("dimensions is sent to OpenAI-style and Ollama servers only", () -> TextClient.builder(Provider.COHERE)
                .model("embed-v4.0").dimensions(8).config(NO_ENV).build());
        refused("encodingFormat is sent to OpenAI-style servers only", () -> TextClient.builder(Provider.OLLAMA)
                .model("nomic-embed-text").encodingFormat("base64").config(NO_ENV).build());
    }

    @Test
    void embedRefusesAnUnfitTextBeforeSendingIt() {
        RembedConfig small = NO_ENV.toBuilder().maxTextBytes(16).build();
        TextClient client = TextClient.builder(Provider.OPENAI).model("text-embedding-3-small")
                .url(sim.baseUrl() + "/v1").config(small).build();
        long before = sim.metrics().requests(Endpoint.OPENAI_EMBEDDINGS);
        refused("text is empty; nothing was sent", () -> client.embed(""));
        refused("text is blank", () -> client.embed("   "));
        refused("text is 17 bytes, over the text limit of 16 bytes", () -> client.embed("x".repeat(17)));
        assertEquals(before, sim.metrics().requests(Endpoint.OPENAI_EMBEDDINGS), "nothing was sent");
        assertEquals(SimSql.DIMS, client.embed("x".repeat(16)).length);
    }

    @Test
    void theLocalProviderNeedsNoModel() {
        assertEquals(384, TextClient.builder(Provider.LOCAL).build().embed("hello").length);
    }

    @Test
    void aBuiltImageClientCaptionsAndEmbedsWithTheProvidersDefaultEmbeddingModel() {
        ImageClient client = ImageClient.builder(Provider.OLLAMA, SimSql.VISION).visionUrl(sim.baseUrl())
                .maxConcurrentRequests(4).batchSize(4).requestTimeout(Duration.ofSeconds(5)).config(NO_ENV).build();
        byte[] image = TestImages.unique();
        assertArrayEquals(SimSql.expected(image), client.embed(image));
        assertTrue(client.describe().contains("nomic-embed-text"), client.describe());
    }

    @Test
    void imageScaleOutSettersBuildTheSameSpecAsTheirSqlOptions() {
        String a = sim.baseUrl();
        String b = "http://127.0.0.1:1";
        MultimodalSpec built = ImageClient.builder(Provider.OLLAMA, SimSql.VISION).visionUrls(List.of(a, b))
                .adaptiveConcurrency().batchSize(5).requestTimeout(Duration.ofSeconds(7)).config(NO_ENV).spec(NO_ENV);
        MultimodalSpec parsed = new MultimodalOptions(NO_ENV.environment()).parse("img", "{\"format\": \"ollama\", "
                + "\"url\": \"" + a + "," + b + "\", \"vision_model\": \"" + SimSql.VISION + "\", "
                + "\"max_concurrent_requests\": \"auto\", \"batch_size\": 5, \"request_timeout_sec\": 7}");
        assertEquals(parsed, built);
        assertEquals(List.of(a, b), built.vision().baseUrls());
        assertEquals(List.of(a + "/api/embed", b + "/api/embed"), built.embedding().urls());
        assertTrue(built.limit().adaptive() && built.embedding().maxConcurrent().adaptive());

        MultimodalSpec fixed = ImageClient.builder(Provider.OPENAI, "gpt-4o-mini").visionUrl(a + "/v1")
                .visionKey("sk-test").maxConcurrentRequests(6).config(NO_ENV).spec(NO_ENV);
        assertEquals(new MultimodalOptions(NO_ENV.environment()).parse("img", "{\"format\": \"openai\", \"url\": \""
                + a + "/v1\", \"key\": \"sk-test\", \"max_concurrent_requests\": 6}"), fixed);
        assertEquals(LimitSpec.fixed(6), fixed.embedding().maxConcurrent(), "the caption side shares the limit");
    }

    @Test
    void anImageClientSpreadsImagesOverTwoServersWithAnAdaptiveLimit() {
        try (SimulatedProvider a = SimulatedProvider.builder().embeddingDimensions(SimSql.DIMS).start();
             SimulatedProvider b = SimulatedProvider.builder().embeddingDimensions(SimSql.DIMS).start()) {
            ImageClient client = ImageClient.builder(Provider.OLLAMA, SimSql.VISION)
                    .visionUrls(List.of(a.baseUrl(), b.baseUrl())).adaptiveConcurrency().batchSize(4)
                    .config(NO_ENV).build();
            List<byte[]> images = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                images.add(TestImages.unique());
            }
            BatchResult r = client.embedAll(images);
            assertEquals(List.of(), r.errors());
            for (int i = 0; i < images.size(); i++) {
                assertArrayEquals(SimSql.expected(images.get(i)), r.embeddings().get(i), "image " + i);
            }
            assertEquals(24, a.metrics().requests(Endpoint.OLLAMA_CHAT) + b.metrics().requests(Endpoint.OLLAMA_CHAT));
            assertTrue(a.metrics().requests(Endpoint.OLLAMA_CHAT) >= 1 && b.metrics().requests(Endpoint.OLLAMA_CHAT) >= 1,
                    "both servers described images");
            assertEquals(2, r.stats().vision().endpoints().size());
            assertEquals(2, r.stats().embedding().endpoints().size());
            assertTrue(r.stats().vision().endpoints().stream().allMatch(BatchStats.Endpoint::adaptive));
            assertTrue(r.stats().embedding().endpoints().stream().allMatch(BatchStats.Endpoint::adaptive));
        }
    }

    @Test
    void anImageClientEmbedsCaptionsOnTheServersItsTextClientLists() {
        try (SimulatedProvider vision = SimulatedProvider.builder().embeddingDimensions(SimSql.DIMS).start();
             SimulatedProvider e1 = SimulatedProvider.builder().embeddingDimensions(SimSql.DIMS).start();
             SimulatedProvider e2 = SimulatedProvider.builder().embeddingDimensions(SimSql.DIMS).start()) {
            TextClient.Builder captions = TextClient.builder(Provider.OLLAMA).model(SimSql.EMBED)
                    .urls(List.of(e1.baseUrl(), e2.baseUrl())).maxConcurrentRequests(1).batchSize(1);
            ImageClient client = ImageClient.builder(Provider.OLLAMA, SimSql.VISION).visionUrl(vision.baseUrl())
                    .embedding(captions).batchSize(1).config(NO_ENV).build();
            List<byte[]> images = List.of(TestImages.unique(), TestImages.unique(), TestImages.unique(),
                    TestImages.unique(), TestImages.unique(), TestImages.unique());
            BatchResult r = client.embedAll(images);
            for (int i = 0; i < images.size(); i++) {
                assertArrayEquals(SimSql.expected(images.get(i)), r.embeddings().get(i), "image " + i);
            }
            assertEquals(0, vision.metrics().requests(Endpoint.OLLAMA_EMBED), "captions go to the text client's servers");
            assertEquals(6, e1.metrics().requests(Endpoint.OLLAMA_EMBED) + e2.metrics().requests(Endpoint.OLLAMA_EMBED));
            assertEquals(2, r.stats().embedding().endpoints().size());
        }
    }

    @Test
    void imageSettersNameTheArgumentTheyRefuse() {
        refused("vision", () -> ImageClient.builder(Provider.NOMIC, "x"));
        refused("vision model", () -> ImageClient.builder(Provider.OLLAMA, " "));
        ImageClient.Builder b = ImageClient.builder(Provider.OLLAMA, "llava:7b");
        refused("maxConcurrentRequests", () -> b.maxConcurrentRequests(0));
        refused("maxConcurrentRequests", () -> b.maxConcurrentRequests(257));
        refused("batchSize", () -> b.batchSize(0));
        refused("requestTimeout", () -> b.requestTimeout(Duration.ofMillis(10)));
        refused("requestTimeout", () -> b.requestTimeout(Duration.ofHours(2)));
        refused("visionUrls", () -> b.visionUrls(List.of()));
        refused("visionUrls", () -> b.visionUrls(List.of("http://127.0.0.1:1", "ftp://example.com")));
        refused("visionUrl", () -> b.visionUrl("http://127.0.0.1:1,,http://127.0.0.1:2"));
        refused("visionPrompt", () -> b.visionPrompt(" "));
        refused("visionKey", () -> b.visionKey(""));
        refused("http", () -> b.visionUrl("file:///etc/passwd"));
    }

    @Test
    void theApiProvidersAreExactlyTheEnginesProviders() {
        assertEquals(Arrays.stream(io.github.rembed.internal.client.Provider.values()).map(Enum::name).toList(),
                Arrays.stream(Provider.values()).map(Enum::name).toList());
        assertEquals("openai", Provider.OPENAI.id());
    }

    private static void refused(String mention, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(mention), "'" + e.getMessage() + "' should mention " + mention);
    }
}
