package io.github.rembed.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.github.rembed.SimServer;
import io.github.rembed.internal.http.ProviderHttp;
import io.github.rembed.internal.http.ProviderHttpException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The LangChain4j models rembed builds, over rembed's own HTTP path, understand the simulator. */
class LangChain4jCompatibilityTest {
    /** The smallest bytes the simulator takes for a PNG: its signature and IHDR tag. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<TextSegment> TEXTS = List.of(TextSegment.from("first text"), TextSegment.from("second"));

    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(32).requireKey("sk-sim"));
    private static final ProviderHttp HTTP = new ProviderHttp();

    @AfterAll
    static void closeHttp() {
        HTTP.close();
    }

    @Test
    void openAiEmbeddingModelGetsTheSimulatedVectors() {
        EmbeddingModel model = OpenAiEmbeddingModel.builder()
                .httpClientBuilder(HTTP.builder())
                .baseUrl(sim.baseUrl() + "/v1").apiKey("sk-sim").modelName("text-embedding-3-small")
                .timeout(TIMEOUT).maxRetries(0).build();
        assertVectors("text-embedding-3-small", model.embedAll(TEXTS).content());
    }

    @Test
    void ollamaEmbeddingModelGetsTheSimulatedVectors() {
        EmbeddingModel model = OllamaEmbeddingModel.builder()
                .httpClientBuilder(HTTP.builder())
                .baseUrl(sim.baseUrl()).modelName("nomic-embed-text")
                .customHeaders(java.util.Map.of("Authorization", "Bearer sk-sim"))
                .timeout(TIMEOUT).maxRetries(0).build();
        assertVectors("nomic-embed-text", model.embedAll(TEXTS).content());
    }

    @Test
    void ollamaChatModelDescribesAnImage() {
        ChatModel model = OllamaChatModel.builder()
                .httpClientBuilder(HTTP.builder())
                .baseUrl(sim.baseUrl()).modelName("llava")
                .customHeaders(java.util.Map.of("Authorization", "Bearer sk-sim"))
                .timeout(TIMEOUT).maxRetries(0).build();
        assertEquals(SimulatedProvider.captionFor("llava", PNG), describe(model));
    }

    @Test
    void openAiChatModelDescribesAnImage() {
        ChatModel model = OpenAiChatModel.builder()
                .httpClientBuilder(HTTP.builder())
                .baseUrl(sim.baseUrl() + "/v1").apiKey("sk-sim").modelName("gpt-4o-mini")
                .timeout(TIMEOUT).maxRetries(0).build();
        assertEquals(SimulatedProvider.captionFor("gpt-4o-mini", PNG), describe(model));
    }

    @Test
    void aFailureReachesLangChain4jAsProviderHttpExceptionWithRetryAfter() {
        sim.faults().failNext(Endpoint.OPENAI_EMBEDDINGS, 1, Fault.tooManyRequests(Duration.ofMillis(300)));
        EmbeddingModel model = OpenAiEmbeddingModel.builder()
                .httpClientBuilder(HTTP.builder())
                .baseUrl(sim.baseUrl() + "/v1").apiKey("sk-sim").modelName("m")
                .timeout(TIMEOUT).maxRetries(0).build();
        RuntimeException e = assertThrows(RuntimeException.class, () -> model.embedAll(TEXTS));
        ProviderHttpException http = findCause(e, ProviderHttpException.class);
        assertEquals(429, http.statusCode());
        assertEquals(Duration.ofMillis(300), http.retryAfter().orElseThrow());
    }

    private static String describe(ChatModel model) {
        UserMessage message = UserMessage.from(TextContent.from("Describe this image."),
                ImageContent.from(Base64.getEncoder().encodeToString(PNG), "image/png"));
        return model.chat(message).aiMessage().text();
    }

    private static void assertVectors(String modelName, List<Embedding> embeddings) {
        assertEquals(TEXTS.size(), embeddings.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            assertArrayEquals(SimulatedProvider.vectorFor(modelName, TEXTS.get(i).text(), 32), embeddings.get(i).vector());
        }
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + t, t);
    }
}
