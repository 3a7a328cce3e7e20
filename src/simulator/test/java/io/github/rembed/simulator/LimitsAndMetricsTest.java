package io.github.rembed.simulator;

import static io.github.rembed.simulator.SimClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LimitsAndMetricsTest {

    @Test
    void visionRequestsBeyondCapacityGet429WithRetryAfter() {
        try (SimulatedProvider sim = SimulatedProvider.builder().visionCapacity(1)
                .retryAfter(Duration.ofMillis(50)).start()) {
            SimClient client = new SimClient(sim);
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                CompletableFuture<?> held = CompletableFuture.runAsync(() -> {
                    try {
                        client.post(Endpoint.OLLAMA_CHAT, SimClient.ollamaChat("llava", SimClient.png("FAULT:HANG")));
                    } catch (Exception released) {
                        // closing the simulator drops this request
                    }
                });
                while (sim.metrics().maxConcurrentVision() < 1) {
                    Thread.sleep(5);
                }
                HttpResponse<String> rejected = client.post(Endpoint.OPENAI_CHAT, """
                        {"model":"m","messages":[{"role":"user","content":[{"type":"image_url",
                          "image_url":{"url":"data:image/png;base64,%s"}}]}]}
                        """.formatted(java.util.Base64.getEncoder().encodeToString(SimClient.PNG)));
                assertEquals(429, rejected.statusCode());
                assertEquals("0.05", rejected.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(json(rejected).get("error").get("message").asText().contains("capacity"));
                assertEquals(1, sim.metrics().requests(Endpoint.OPENAI_CHAT));
                assertEquals(1, sim.metrics().maxConcurrentVision());
                // embeddings have their own (unlimited) capacity
                assertEquals(200, client.post(Endpoint.OLLAMA_EMBED, SimClient.ollamaEmbed("m", "a")).statusCode());
                sim.close();
                held.join();
            });
        }
    }

    @Test
    void refusingARequestNeverFreesAnotherRequestsSlot() {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingCapacity(1)
                .retryAfter(Duration.ofMillis(10)).start()) {
            SimClient client = new SimClient(sim);
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                CompletableFuture<?> held = CompletableFuture.runAsync(() -> {
                    try {
                        client.post(Endpoint.OLLAMA_EMBED, SimClient.ollamaEmbed("m", "FAULT:HANG"));
                    } catch (Exception released) {
                        // closing the simulator drops this request
                    }
                });
                while (sim.metrics().maxConcurrentEmbedding() < 1) {
                    Thread.sleep(5);
                }
                for (int i = 0; i < 4; i++) {
                    assertEquals(429, client.post(Endpoint.OLLAMA_EMBED, SimClient.ollamaEmbed("m", "x" + i))
                            .statusCode(), "the hanging request still holds the only slot");
                }
                sim.close();
                held.join();
            });
        }
    }

    @Test
    void concurrentEmbeddingRequestsAreCountedAtTheirPeak() throws Exception {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(4)
                .embeddingLatency(Latency.fixed(Duration.ofMillis(100))).start();
             ExecutorService pool = Executors.newFixedThreadPool(4)) {
            SimClient client = new SimClient(sim);
            List<Future<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String text = "text " + i;
                replies.add(pool.submit(() -> client.post(Endpoint.OLLAMA_EMBED, SimClient.ollamaEmbed("m", text))));
            }
            for (Future<HttpResponse<String>> r : replies) {
                assertEquals(200, r.get().statusCode());
            }
            int peak = sim.metrics().maxConcurrentEmbedding();
            assertTrue(peak >= 1 && peak <= 4, "peak " + peak);
            assertEquals(4, sim.metrics().inputs(Endpoint.OLLAMA_EMBED));
            assertEquals(0, sim.metrics().maxConcurrentVision());
            sim.metrics().reset();
            assertEquals(0, sim.metrics().requests(Endpoint.OLLAMA_EMBED));
            assertEquals(0, sim.metrics().maxConcurrentEmbedding());
        }
    }

    @Test
    void requireKeyRejectsMissingOrWrongKeysWithoutEchoingThem() throws Exception {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(4).requireKey("sk-right").start()) {
            SimClient client = new SimClient(sim);
            String body = "{\"model\":\"m\",\"input\":\"a\"}";
            assertEquals(401, client.post(Endpoint.OPENAI_EMBEDDINGS, body).statusCode());
            HttpResponse<String> wrong = client.post(Endpoint.OPENAI_EMBEDDINGS, body, "Bearer sk-wrong-secret");
            assertEquals(401, wrong.statusCode());
            assertFalse(wrong.body().contains("sk-wrong-secret"));
            assertEquals(200, client.post(Endpoint.OPENAI_EMBEDDINGS, body, "Bearer sk-right").statusCode());
            assertEquals(List.of("Bearer sk-wrong-secret", "Bearer sk-right"), sim.metrics().authorizationHeaders());
            assertEquals(3, sim.metrics().requests(Endpoint.OPENAI_EMBEDDINGS));
            assertEquals(1, sim.metrics().inputs(Endpoint.OPENAI_EMBEDDINGS));
        }
    }

    @Test
    void slowMarkerStillSucceedsAndCloseIsPromptWhileSleeping() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(4)
                    .embeddingLatency(Latency.fixed(Duration.ofMillis(2))).start();
            SimClient client = new SimClient(sim);
            assertEquals(200, client.post(Endpoint.OLLAMA_EMBED, SimClient.ollamaEmbed("m", "FAULT:SLOW")).statusCode());
            sim.close();
            SimulatedProvider sleepy = SimulatedProvider.builder()
                    .embeddingLatency(Latency.fixed(Duration.ofMinutes(5))).start();
            CompletableFuture<?> sleeping = CompletableFuture.runAsync(() -> {
                try {
                    new SimClient(sleepy).post(Endpoint.OLLAMA_EMBED, SimClient.ollamaEmbed("m", "a"));
                } catch (Exception released) {
                    // expected: close drops it
                }
            });
            while (sleepy.metrics().maxConcurrentEmbedding() < 1) {
                Thread.sleep(5);
            }
            sleepy.close();
            sleeping.join();
        });
    }

    @Test
    void latencySamplesStayInTheirRangeAndRepeatWithTheSeed() {
        var uniform = Latency.uniform(Duration.ofMillis(5), Duration.ofMillis(10));
        var r1 = new java.util.Random(7);
        var r2 = new java.util.Random(7);
        for (int i = 0; i < 100; i++) {
            Duration d = uniform.sample(r1);
            assertTrue(d.compareTo(Duration.ofMillis(5)) >= 0 && d.compareTo(Duration.ofMillis(10)) <= 0, d.toString());
            assertEquals(d, uniform.sample(r2));
        }
        assertEquals(Duration.ZERO, Latency.none().sample(r1));
        assertEquals(Duration.ofMillis(3), Latency.fixed(Duration.ofMillis(3)).sample(r1));
        assertEquals(Duration.ofMillis(20), Latency.lognormal(Duration.ofMillis(20), 0).sample(r1));
    }
}
