package io.github.rembed.simulator;

import static io.github.rembed.simulator.SimClient.JPEG;
import static io.github.rembed.simulator.SimClient.PNG;
import static io.github.rembed.simulator.SimClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VisionWireTest {
    private static SimulatedProvider sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = SimulatedProvider.builder().start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void captionIsDeterministicAndNamesSizeAndFormat() {
        String caption = SimulatedProvider.captionFor("llava", PNG);
        assertEquals(caption, SimulatedProvider.captionFor("llava", PNG.clone()));
        assertTrue(caption.matches("A simulated photo [0-9a-f]{6}: 16 bytes, png\\."), caption);
        assertNotEquals(caption, SimulatedProvider.captionFor("moondream", PNG));
        assertTrue(SimulatedProvider.captionFor("llava", JPEG).endsWith("10 bytes, jpeg."));
    }

    @Test
    void ollamaChatAnswersLikeOllama() throws Exception {
        HttpResponse<String> r = client.post(Endpoint.OLLAMA_CHAT, SimClient.ollamaChat("llava", PNG));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals("llava", body.get("model").asText());
        OffsetDateTime.parse(body.get("created_at").asText());
        assertEquals("assistant", body.get("message").get("role").asText());
        assertEquals(SimulatedProvider.captionFor("llava", PNG), body.get("message").get("content").asText());
        assertTrue(body.get("done").asBoolean());
        assertEquals("stop", body.get("done_reason").asText());
    }

    @Test
    void ollamaGenerateTakesTopLevelImages() throws Exception {
        ObjectNode request = SimClient.JSON.createObjectNode().put("model", "llava").put("prompt", "Describe.")
                .put("stream", false);
        request.putArray("images").add(Base64.getEncoder().encodeToString(JPEG));
        JsonNode body = json(client.post(Endpoint.OLLAMA_GENERATE, request));
        assertEquals(SimulatedProvider.captionFor("llava", JPEG), body.get("response").asText());
        assertTrue(body.get("done").asBoolean());
    }

    @Test
    void openAiChatReadsDataUrlImagePartsAndAnswersAChatCompletion() throws Exception {
        String request = """
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":[
                  {"type":"text","text":"Describe."},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,%s","detail":"low"}}]}]}
                """.formatted(Base64.getEncoder().encodeToString(PNG));
        HttpResponse<String> r = client.post(Endpoint.OPENAI_CHAT, request);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals("chat.completion", body.get("object").asText());
        assertTrue(body.get("id").asText().startsWith("chatcmpl-"));
        assertTrue(body.get("created").isNumber());
        JsonNode choice = body.get("choices").get(0);
        assertEquals(0, choice.get("index").asInt());
        assertEquals("assistant", choice.get("message").get("role").asText());
        assertEquals(SimulatedProvider.captionFor("gpt-4o-mini", PNG), choice.get("message").get("content").asText());
        assertEquals("stop", choice.get("finish_reason").asText());
        assertTrue(body.get("usage").get("total_tokens").asInt() > 0);
    }

    @Test
    void bytesThatAreNotAnImageAre400() throws Exception {
        HttpResponse<String> ollama = client.post(Endpoint.OLLAMA_CHAT,
                SimClient.ollamaChat("llava", "just text".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(400, ollama.statusCode());
        assertTrue(json(ollama).get("error").asText().contains("unknown format"), ollama.body());

        String openAi = """
                {"model":"m","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}}]}]}
                """.formatted(Base64.getEncoder().encodeToString("nope".getBytes(StandardCharsets.US_ASCII)));
        HttpResponse<String> r = client.post(Endpoint.OPENAI_CHAT, openAi);
        assertEquals(400, r.statusCode());
        assertTrue(json(r).get("error").get("message").asText().contains("unknown format"), r.body());
    }

    @Test
    void aRequestWithoutAnImageIs400() throws Exception {
        HttpResponse<String> r = client.post(Endpoint.OLLAMA_CHAT, SimClient.ollamaChat("llava"));
        assertEquals(400, r.statusCode());
        assertTrue(json(r).get("error").asText().contains("no image"), r.body());
        HttpResponse<String> openAi = client.post(Endpoint.OPENAI_CHAT,
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertEquals(400, openAi.statusCode());
    }
}
