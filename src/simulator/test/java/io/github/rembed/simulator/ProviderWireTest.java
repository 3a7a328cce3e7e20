package io.github.rembed.simulator;

import static io.github.rembed.simulator.SimClient.floats;
import static io.github.rembed.simulator.SimClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator speaks each provider's embedding format at the provider's own path, and
 * refuses a request of the wrong shape with the status and error body the real service uses.
 */
class ProviderWireTest {
    private static final int DIMS = 6;
    private static SimulatedProvider sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = SimulatedProvider.builder().embeddingDimensions(DIMS).start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static float[] vector(String model, String text) {
        return SimulatedProvider.vectorFor(model, text, DIMS);
    }

    @Test
    void nomicTakesTextsAndATaskType() throws Exception {
        JsonNode body = json(client.post("/v1/embedding/text",
                "{\"model\":\"nomic-embed-text-v1.5\",\"texts\":[\"a\",\"b\"],\"task_type\":\"search_query\"}"));
        assertArrayEquals(vector("nomic-embed-text-v1.5", "search_query: b"), floats(body.get("embeddings").get(1)));
        HttpResponse<String> bad = client.post("/v1/embedding/text", "{\"model\":\"m\",\"texts\":[\"a\"],\"task_type\":\"x\"}");
        assertEquals(422, bad.statusCode(), "FastAPI's validation status");
        assertTrue(json(bad).get("detail").asText().contains("task_type must be one of"), bad.body());
    }

    @Test
    void cohereV2NeedsAnInputTypeAndAnswersByType() throws Exception {
        JsonNode body = json(client.post("/v2/embed", "{\"model\":\"embed-english-v3.0\",\"texts\":[\"hi\"],"
                + "\"input_type\":\"search_document\",\"embedding_types\":[\"float\"]}"));
        assertArrayEquals(vector("embed-english-v3.0", "search_document: hi"),
                floats(body.get("embeddings").get("float").get(0)));
        HttpResponse<String> bad = client.post("/v2/embed", "{\"model\":\"m\",\"texts\":[\"hi\"]}");
        assertEquals(400, bad.statusCode());
        assertTrue(json(bad).get("message").asText().startsWith("input_type is required"), bad.body());
        StringBuilder many = new StringBuilder("[\"t\"");
        for (int i = 1; i < 97; i++) {
            many.append(",\"t\"");
        }
        HttpResponse<String> tooMany = client.post("/v2/embed", "{\"model\":\"m\",\"input_type\":\"search_query\","
                + "\"texts\":" + many + "]}");
        assertEquals(400, tooMany.statusCode(), "Cohere takes at most 96 texts");
    }

    @Test
    void cohereV1AnswersAPlainArray() throws Exception {
        JsonNode body = json(client.post("/v1/embed", "{\"model\":\"embed-english-v2.0\",\"texts\":[\"x\",\"y\"]}"));
        assertArrayEquals(vector("embed-english-v2.0", "y"), floats(body.get("embeddings").get(1)));
    }

    @Test
    void llamafileTakesOneContentAndNoModel() throws Exception {
        JsonNode body = json(client.post("/embedding", "{\"content\":\"one text\"}"));
        assertArrayEquals(vector(EmbeddingRequestParser.LLAMAFILE_MODEL, "one text"), floats(body.get("embedding")));
        assertEquals(400, client.post("/embedding", "{\"input\":\"x\"}").statusCode());
    }

    @Test
    void geminiBatchEmbedsUnderTheModelOfThePath() throws Exception {
        String request = "{\"requests\":[{\"model\":\"models/text-embedding-004\",\"content\":{\"parts\":[{\"text\":\"q\"}]},"
                + "\"taskType\":\"RETRIEVAL_QUERY\"}]}";
        HttpResponse<String> r = client.post("/v1beta/models/text-embedding-004:batchEmbedContents", request,
                "x-goog-api-key", "AIza-test");
        assertEquals(200, r.statusCode(), r.body());
        assertArrayEquals(vector("text-embedding-004", "RETRIEVAL_QUERY: q"),
                floats(json(r).get("embeddings").get(0).get("values")));
        HttpResponse<String> wrongModel = client.post("/v1beta/models/other:batchEmbedContents", request);
        assertEquals(400, wrongModel.statusCode());
        assertEquals("INVALID_ARGUMENT", json(wrongModel).get("error").get("status").asText());
    }

    @Test
    void azureNamesTheDeploymentInThePathAndNeedsAnApiVersion() throws Exception {
        String request = "{\"input\":[\"a\"]}";
        HttpResponse<String> r = client.post("/openai/deployments/my-dep/embeddings?api-version=2024-10-21", request);
        assertEquals(200, r.statusCode(), r.body());
        assertArrayEquals(vector("my-dep", "a"), floats(json(r).get("data").get(0).get("embedding")));
        assertEquals(404, client.post("/openai/deployments/my-dep/embeddings", request).statusCode());
    }

    @Test
    void openAiStyleServersShareOnePathMixedbreadsTrailingSlashIncluded() throws Exception {
        JsonNode body = json(client.post("/v1/embeddings/", "{\"model\":\"mxbai\",\"input\":[\"a\"]}"));
        assertArrayEquals(vector("mxbai", "a"), floats(body.get("data").get(0).get("embedding")));
        JsonNode voyage = json(client.post("/v1/embeddings", "{\"model\":\"voyage-3\",\"input\":[\"a\"],"
                + "\"input_type\":\"query\"}"));
        assertArrayEquals(vector("voyage-3", "query: a"), floats(voyage.get("data").get(0).get("embedding")));
        assertEquals(400, client.post("/v1/embeddings", "{\"model\":\"m\",\"input\":[1]}").statusCode());
    }

    @Test
    void keysAreCheckedWhereEachProviderSendsThem() throws Exception {
        try (SimulatedProvider locked = SimulatedProvider.builder().embeddingDimensions(DIMS).requireKey("k-1").start()) {
            SimClient c = new SimClient(locked);
            String gemini = "{\"requests\":[{\"model\":\"models/m\",\"content\":{\"parts\":[{\"text\":\"q\"}]}}]}";
            assertEquals(200, c.post("/v1beta/models/m:batchEmbedContents", gemini, "x-goog-api-key", "k-1").statusCode());
            assertEquals(200, c.post("/v1beta/models/m:batchEmbedContents?key=k-1", gemini).statusCode());
            assertEquals(403, c.post("/v1beta/models/m:batchEmbedContents", gemini).statusCode());
            assertEquals(400, c.post("/v1beta/models/m:batchEmbedContents", gemini, "x-goog-api-key", "no").statusCode());
            String azure = "/openai/deployments/d/embeddings?api-version=1";
            assertEquals(200, c.post(azure, "{\"input\":[\"a\"]}", "api-key", "k-1").statusCode());
            assertEquals(401, c.post(azure, "{\"input\":[\"a\"]}", "Authorization", "Bearer k-1").statusCode());
            assertEquals(200, c.post("/v1/embedding/text", "{\"model\":\"m\",\"texts\":[\"a\"]}",
                    "Authorization", "Bearer k-1").statusCode());
            assertEquals(java.util.List.of("k-1", "k-1", "no", "k-1", "Bearer k-1", "Bearer k-1"),
                    locked.metrics().credentials(), "every credential is recorded, wherever it was sent");
        }
    }

    @Test
    void reorderedAndDuplicateIndexModesShapeOpenAiReplies() throws Exception {
        String request = "{\"model\":\"m\",\"input\":[\"a\",\"b\",\"c\"]}";
        sim.faults().failNext(Endpoint.OPENAI_EMBEDDINGS, 1, Fault.reorderedIndexes());
        JsonNode reordered = json(client.post(Endpoint.OPENAI_EMBEDDINGS, request)).get("data");
        assertEquals(2, reordered.get(0).get("index").asInt());
        assertArrayEquals(vector("m", "c"), floats(reordered.get(0).get("embedding")));
        assertArrayEquals(vector("m", "a"), floats(reordered.get(2).get("embedding")));
        sim.faults().failNext(Endpoint.OPENAI_EMBEDDINGS, 1, Fault.duplicateIndex());
        JsonNode duplicate = json(client.post(Endpoint.OPENAI_EMBEDDINGS, request)).get("data");
        for (JsonNode item : duplicate) {
            assertEquals(0, item.get("index").asInt());
        }
    }
}
