package io.github.rembed.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class StandaloneArgsTest {

    @Test
    void flagsConfigureTheSimulator() throws Exception {
        try (SimulatedProvider sim = StandaloneArgs.parse(new String[] {"--dims", "3", "--embed-latency-ms", "1",
                "--jitter-sigma", "0.2", "--vision-capacity", "2", "--retry-after-ms", "40"}).start()) {
            HttpResponse<String> r = new SimClient(sim).post(Endpoint.OLLAMA_EMBED, SimClient.ollamaEmbed("m", "x"));
            assertEquals(3, SimClient.json(r).get("embeddings").get(0).size());
            HttpResponse<String> limited = new SimClient(sim).post(Endpoint.OLLAMA_EMBED,
                    SimClient.ollamaEmbed("m", "FAULT:429"));
            assertEquals("0.04", limited.headers().firstValue("Retry-After").orElseThrow());
        }
    }

    @Test
    void badFlagsAreNamedInTheError() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StandaloneArgs.parse(new String[] {"--dims", "x"}))
                .getMessage().contains("--dims"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StandaloneArgs.parse(new String[] {"--nope", "1"}))
                .getMessage().contains("--nope"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StandaloneArgs.parse(new String[] {"--port"}))
                .getMessage().contains("needs a value"));
    }
}
