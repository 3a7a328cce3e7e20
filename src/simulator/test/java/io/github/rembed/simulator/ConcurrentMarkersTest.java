package io.github.rembed.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Under concurrency a content marker fails exactly the item that carries it. */
class ConcurrentMarkersTest {

    @Test
    void onlyTheMarkedImageFailsAmongConcurrentRequests() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (SimulatedProvider sim = SimulatedProvider.builder()
                    .visionLatency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5))).start();
                 ExecutorService pool = Executors.newFixedThreadPool(8)) {
                SimClient client = new SimClient(sim);
                List<Future<HttpResponse<String>>> replies = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    byte[] image = SimClient.png(i == 13 ? "item 13 FAULT:500" : "item " + i);
                    replies.add(pool.submit(() -> client.post(Endpoint.OLLAMA_CHAT, SimClient.ollamaChat("llava", image))));
                }
                for (int i = 0; i < replies.size(); i++) {
                    HttpResponse<String> r = replies.get(i).get();
                    assertEquals(i == 13 ? 500 : 200, r.statusCode(), "item " + i + ": " + r.body());
                    if (i != 13) {
                        assertEquals(SimulatedProvider.captionFor("llava", SimClient.png("item " + i)),
                                SimClient.json(r).get("message").get("content").asText());
                    }
                }
                assertEquals(24, sim.metrics().requests(Endpoint.OLLAMA_CHAT));
                assertEquals(23, sim.metrics().inputs(Endpoint.OLLAMA_CHAT));
            }
        });
    }
}
