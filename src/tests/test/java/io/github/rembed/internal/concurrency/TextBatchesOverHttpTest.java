package io.github.rembed.internal.concurrency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rembed.internal.engine.RetryPolicy;
import io.github.rembed.internal.http.ProviderHttpException;
import io.github.rembed.internal.http.ProviderIoException;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Concurrent batches over real HTTP to simulated model servers on 127.0.0.1. */
class TextBatchesOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "text-embedding-3-small";
    private static final int DIMS = 8;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    /** One OpenAI embeddings request, failing the way the library's HTTP layer does. */
    private static List<float[]> embedOnce(String baseUrl, List<String> texts, TokenUsage usage) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("model", MODEL);
        texts.forEach(body.putArray("input")::add);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/embeddings"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        HttpResponse<byte[]> reply;
        try {
            reply = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new ProviderIoException("cannot connect to " + baseUrl, false);
        } catch (IOException e) {
            throw new ProviderIoException("no reply from " + baseUrl, false);
        }
        if (reply.statusCode() != 200) {
            Duration retryAfter = reply.headers().firstValue("Retry-After")
                    .map(v -> Duration.ofMillis((long) (Double.parseDouble(v) * 1000))).orElse(null);
            throw new ProviderHttpException(reply.statusCode(), "status " + reply.statusCode(), retryAfter);
        }
        JsonNode json = JSON.readTree(reply.body());
        usage.add(json.path("usage").path("prompt_tokens").asLong(), 0);
        List<float[]> out = new ArrayList<>();
        for (JsonNode item : json.path("data")) {
            float[] v = new float[item.path("embedding").size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) item.path("embedding").get(i).asDouble();
            }
            out.add(v);
        }
        return out;
    }

    private static List<String> texts(int n) {
        return IntStream.range(0, n).mapToObj(i -> "note " + i + " about boats").toList();
    }

    @Test
    void aDownServerIsSetAsideAndTheOthersServeEverythingCorrectly() {
        String dead;
        try (SimulatedProvider gone = SimulatedProvider.builder().start()) {
            dead = gone.baseUrl();
        }
        try (SimulatedProvider a = SimulatedProvider.builder().embeddingDimensions(DIMS).start();
             SimulatedProvider b = SimulatedProvider.builder().embeddingDimensions(DIMS).start()) {
            EndpointSet set = new EndpointRegistry(16).set("embedding openai", List.of(dead, a.baseUrl(), b.baseUrl()),
                    LimitSpec.fixed(4));
            List<String> texts = texts(100);
            TokenUsage usage = new TokenUsage();
            List<float[]> vectors = TextBatches.over(set, TextBatchesOverHttpTest::embedOnce).batchSize(8)
                    .usage(usage).embedAll(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(SimulatedProvider.vectorFor(MODEL, texts.get(i), DIMS), vectors.get(i), "text " + i);
            }
            assertEquals("set aside", set.status().get(0).state());
            assertEquals(13, a.metrics().requests(Endpoint.OPENAI_EMBEDDINGS)
                    + b.metrics().requests(Endpoint.OPENAI_EMBEDDINGS), "each of the 13 batches served once");
            assertEquals(400, usage.inputTokens(), "four words per text, summed from every reply");
        }
    }

    @Test
    void anAdaptiveLimitKeepsUnderAServersCapacityWithoutBeingTold() {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(DIMS).embeddingCapacity(3)
                .embeddingLatency(Latency.fixed(Duration.ofMillis(10))).retryAfter(Duration.ofMillis(5)).start()) {
            EndpointSet set = new EndpointRegistry(16).set("embedding openai", List.of(sim.baseUrl()), LimitSpec.auto());
            List<String> texts = texts(200);
            List<float[]> vectors = TextBatches.over(set, TextBatchesOverHttpTest::embedOnce).batchSize(1)
                    .retry(new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(50))).embedAll(texts);
            assertEquals(200, vectors.size());
            EndpointStatus s = set.status().get(0);
            assertTrue(s.adaptive());
            assertTrue(s.limit() >= 1 && s.limit() <= 4, "settled near the capacity of 3: " + s);
            assertTrue(s.drops() <= 30, "429s stay rare once it has learnt: " + s);
            assertEquals(200, s.successes());
        }
    }
}
