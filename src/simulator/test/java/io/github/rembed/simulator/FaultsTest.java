package io.github.rembed.simulator;

import static io.github.rembed.simulator.SimClient.json;
import static io.github.rembed.simulator.SimClient.ollamaEmbed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private SimulatedProvider sim;
    private SimClient client;

    @BeforeEach
    void start() {
        sim = SimulatedProvider.builder().embeddingDimensions(4).retryAfter(Duration.ofMillis(50)).start();
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> embed(String... texts) throws Exception {
        return client.post(Endpoint.OLLAMA_EMBED, ollamaEmbed("m", texts));
    }

    @Test
    void failNextFailsExactlyCountRequestsOfThatEndpoint() throws Exception {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 2, Fault.status(503));
        assertEquals(200, client.post(Endpoint.OPENAI_EMBEDDINGS, "{\"model\":\"m\",\"input\":\"a\"}").statusCode());
        assertEquals(503, embed("a").statusCode());
        HttpResponse<String> second = embed("a");
        assertEquals(503, second.statusCode());
        assertTrue(json(second).get("error").asText().contains("503"));
        assertEquals(200, embed("a").statusCode());
        assertEquals(3, sim.metrics().requests(Endpoint.OLLAMA_EMBED));
        assertEquals(1, sim.metrics().inputs(Endpoint.OLLAMA_EMBED));
    }

    @Test
    void clearDropsQueuedFaults() throws Exception {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 5, Fault.status(500));
        sim.faults().clear();
        assertEquals(200, embed("a").statusCode());
    }

    @Test
    void tooManyRequestsSendsRetryAfterInFractionalSeconds() throws Exception {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.tooManyRequests(Duration.ofMillis(250)));
        HttpResponse<String> r = embed("a");
        assertEquals(429, r.statusCode());
        assertEquals("0.25", r.headers().firstValue("Retry-After").orElseThrow());
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.tooManyRequests(Duration.ofSeconds(2)));
        assertEquals("2", embed("a").headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void garbageIs200WithABodyThatIsNotJson() throws Exception {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.garbage());
        HttpResponse<String> r = embed("a");
        assertEquals(200, r.statusCode());
        assertThrows(JsonProcessingException.class, () -> json(r));
    }

    @Test
    void wrongCountAndWrongDimensionsBreakTheReplyShape() throws Exception {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.wrongCount());
        assertEquals(1, json(embed("a", "b")).get("embeddings").size());
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.wrongDimensions());
        assertEquals(3, json(embed("a", "b")).get("embeddings").get(0).size());
        assertEquals(4, json(embed("a", "b")).get("embeddings").get(0).size());
    }

    @Test
    void dropConnectionClosesWithoutReply() throws Exception {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.dropConnection());
        assertThrows(IOException.class, () -> embed("a"));
        assertEquals(200, embed("a").statusCode());
    }

    @Test
    void hangNeverRepliesUntilCloseReleasesIt() {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.hang());
        assertReleasedByClose(Endpoint.OLLAMA_EMBED, "a");
    }

    @Test
    void hangMarkerInOneTextHoldsTheRequestUntilClose() {
        assertReleasedByClose(Endpoint.OLLAMA_EMBED, "fine", "please FAULT:HANG here");
    }

    private void assertReleasedByClose(Endpoint e, String... texts) {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.post(e, ollamaEmbed("m", texts));
                } catch (Exception ex) {
                    throw new RuntimeException(ex);
                }
            });
            while (sim.metrics().requests(e) == 0) {
                Thread.sleep(5);
            }
            Thread.sleep(50); // the reply would have come by now if it were not held
            assertTrue(!pending.isDone(), "a hung request got a reply");
            sim.close();
            try {
                pending.join();
                throw new AssertionError("a hung request got a reply after close");
            } catch (java.util.concurrent.CompletionException expected) {
                assertTrue(expected.getCause().getCause() instanceof IOException, String.valueOf(expected));
            }
        });
    }

    @Test
    void contentMarkersFailTheRequestThatCarriesThem() throws Exception {
        HttpResponse<String> five = embed("ok", "boom FAULT:500");
        assertEquals(500, five.statusCode());
        assertTrue(json(five).get("error").asText().contains("FAULT:500"));

        HttpResponse<String> limited = embed("FAULT:429");
        assertEquals(429, limited.statusCode());
        assertEquals("0.05", limited.headers().firstValue("Retry-After").orElseThrow());

        HttpResponse<String> garbage = embed("FAULT:GARBAGE");
        assertEquals(200, garbage.statusCode());
        assertThrows(JsonProcessingException.class, () -> json(garbage));

        assertEquals(200, embed("ok").statusCode());
        assertEquals(1, sim.metrics().inputs(Endpoint.OLLAMA_EMBED));
    }

    @Test
    void flakyContentFailsOnlyTheFirstTime() throws Exception {
        assertEquals(503, embed("item 7 FAULT:FLAKY").statusCode());
        assertEquals(200, embed("item 7 FAULT:FLAKY").statusCode());
        assertEquals(503, embed("item 8 FAULT:FLAKY").statusCode(), "other content is tracked separately");
        assertEquals(200, embed("item 8 FAULT:FLAKY").statusCode());
    }

    @Test
    void markersInImageBytesFailVisionRequests() throws Exception {
        assertEquals(500, client.post(Endpoint.OLLAMA_CHAT, SimClient.ollamaChat("llava", SimClient.png("FAULT:500")))
                .statusCode());
        byte[] flaky = SimClient.png("FAULT:FLAKY");
        assertEquals(503, client.post(Endpoint.OLLAMA_CHAT, SimClient.ollamaChat("llava", flaky)).statusCode());
        HttpResponse<String> retry = client.post(Endpoint.OLLAMA_CHAT, SimClient.ollamaChat("llava", flaky));
        assertEquals(SimulatedProvider.captionFor("llava", flaky), json(retry).get("message").get("content").asText());
    }
}
