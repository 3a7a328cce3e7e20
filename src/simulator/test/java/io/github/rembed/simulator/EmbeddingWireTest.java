package io.github.rembed.simulator;

import static io.github.rembed.simulator.SimClient.floats;
import static io.github.rembed.simulator.SimClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddingWireTest {
    private static SimulatedProvider sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = SimulatedProvider.builder().embeddingDimensions(16).start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void openAiEmbeddingsHaveOpenAiShapeAndDeterministicVectors() throws Exception {
        HttpResponse<String> r = client.post(Endpoint.OPENAI_EMBEDDINGS,
                "{\"model\":\"text-embedding-3-small\",\"input\":[\"hello world\",\"bye\"]}");
        assertEquals(200, r.statusCode());
        JsonNode body = json(r);
        assertEquals("list", body.get("object").asText());
        assertEquals("text-embedding-3-small", body.get("model").asText());
        assertEquals(2, body.get("data").size());
        for (int i = 0; i < 2; i++) {
            JsonNode item = body.get("data").get(i);
            assertEquals("embedding", item.get("object").asText());
            assertEquals(i, item.get("index").asInt());
        }
        assertArrayEquals(SimulatedProvider.vectorFor("text-embedding-3-small", "hello world", 16),
                floats(body.get("data").get(0).get("embedding")));
        assertArrayEquals(SimulatedProvider.vectorFor("text-embedding-3-small", "bye", 16),
                floats(body.get("data").get(1).get("embedding")));
        assertEquals(3, body.get("usage").get("total_tokens").asInt());
    }

    @Test
    void openAiAcceptsASingleStringAndRequestedDimensions() throws Exception {
        JsonNode body = json(client.post(Endpoint.OPENAI_EMBEDDINGS,
                "{\"model\":\"m\",\"input\":\"one\",\"dimensions\":5}"));
        assertArrayEquals(SimulatedProvider.vectorFor("m", "one", 5), floats(body.get("data").get(0).get("embedding")));
    }

    @Test
    void base64EncodingIsLittleEndianFloat32AsOpenAiSends() throws Exception {
        JsonNode body = json(client.post(Endpoint.OPENAI_EMBEDDINGS,
                "{\"model\":\"m\",\"input\":[\"x\"],\"encoding_format\":\"base64\"}"));
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(body.get("data").get(0).get("embedding").asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] decoded = new float[bytes.remaining() / 4];
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] = bytes.getFloat();
        }
        assertArrayEquals(SimulatedProvider.vectorFor("m", "x", 16), decoded);
    }

    @Test
    void requestedDimensionsShortenTheVectorAsOpenAiDoesTruncatedAndRenormalised() {
        float[] full = SimulatedProvider.vectorFor("m", "shorten me", 64);
        float[] short8 = SimulatedProvider.vectorFor("m", "shorten me", 8);
        double norm = 0;
        for (int i = 0; i < 8; i++) {
            norm += full[i] * full[i];
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(full[i] / Math.sqrt(norm), short8[i], 1e-6, "component " + i);
        }
    }

    @Test
    void azureAnswersInBase64TooAndOtherEncodingsAreRefused() throws Exception {
        long before = sim.metrics().base64Replies();
        JsonNode body = json(client.post("/openai/deployments/d/embeddings?api-version=2024-10-21",
                "{\"input\":[\"x\"],\"encoding_format\":\"base64\",\"dimensions\":4}"));
        byte[] bytes = Base64.getDecoder().decode(body.get("data").get(0).get("embedding").asText());
        assertEquals(4 * 4, bytes.length);
        assertEquals(before + 1, sim.metrics().base64Replies());
        assertEquals(400, client.post(Endpoint.OPENAI_EMBEDDINGS,
                "{\"model\":\"m\",\"input\":[\"x\"],\"encoding_format\":\"binary\"}").statusCode());
    }

    @Test
    void ollamaEmbedReturnsOneVectorPerInput() throws Exception {
        JsonNode body = json(client.post(Endpoint.OLLAMA_EMBED, SimClient.ollamaEmbed("nomic-embed-text", "a", "b", "c")));
        assertEquals("nomic-embed-text", body.get("model").asText());
        assertEquals(3, body.get("embeddings").size());
        assertArrayEquals(SimulatedProvider.vectorFor("nomic-embed-text", "c", 16), floats(body.get("embeddings").get(2)));
    }

    @Test
    void legacyOllamaEmbeddingsTakesAPrompt() throws Exception {
        JsonNode body = json(client.post(Endpoint.OLLAMA_EMBEDDINGS, "{\"model\":\"m\",\"prompt\":\"legacy\"}"));
        assertArrayEquals(SimulatedProvider.vectorFor("m", "legacy", 16), floats(body.get("embedding")));
    }

    @Test
    void vectorsAreUnitLengthStableAndDependOnModelAndText() {
        float[] a = SimulatedProvider.vectorFor("m1", "same text", 768);
        assertArrayEquals(a, SimulatedProvider.vectorFor("m1", "same text", 768));
        assertFalse(Arrays.equals(a, SimulatedProvider.vectorFor("m2", "same text", 768)));
        assertFalse(Arrays.equals(a, SimulatedProvider.vectorFor("m1", "other text", 768)));
        double norm = 0;
        for (float f : a) {
            norm += f * f;
        }
        assertEquals(1.0, norm, 1e-5);
    }

    @Test
    void sameRequestTwiceGivesTheSameVectors() throws Exception {
        String request = "{\"model\":\"m\",\"input\":[\"repeat me\"]}";
        assertEquals(json(client.post(Endpoint.OLLAMA_EMBED, request)).get("embeddings"),
                json(client.post(Endpoint.OLLAMA_EMBED, request)).get("embeddings"));
    }

    @Test
    void missingModelIs404LikeOllama() throws Exception {
        HttpResponse<String> r = client.post(Endpoint.OLLAMA_EMBED, SimClient.ollamaEmbed("missing-model", "a"));
        assertEquals(404, r.statusCode());
        assertEquals("model \"missing-model\" not found, try pulling it first", json(r).get("error").asText());
    }

    @Test
    void malformedJsonIs400WithAClearMessage() throws Exception {
        HttpResponse<String> r = client.post(Endpoint.OPENAI_EMBEDDINGS, "{\"model\": \"m\", \"input\": [");
        assertEquals(400, r.statusCode());
        assertEquals(true, json(r).get("error").get("message").asText().contains("malformed JSON"), r.body());
        HttpResponse<String> noInput = client.post(Endpoint.OLLAMA_EMBED, "{\"model\":\"m\"}");
        assertEquals(400, noInput.statusCode());
        assertEquals("input is required", json(noInput).get("error").asText());
    }

    @Test
    void wrongMethodIs405AndUnknownPathIs404() throws Exception {
        HttpResponse<String> get = client.get(Endpoint.OLLAMA_EMBED.path());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        assertEquals(404, client.get("/api/nope").statusCode());
        assertEquals("Ollama is running", client.get("/").body());
    }
}
