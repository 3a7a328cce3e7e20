package io.github.rembed.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Fault;
import io.github.rembed.simulator.SimulatedProvider;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP path reads at most its limit, within its deadline, and gives every reserved byte back. */
class BoundedReplyTest {
    private static final Duration GUARD = Duration.ofSeconds(60);
    private SimulatedProvider sim;

    private final ProviderHttp http = new ProviderHttp();

    @BeforeEach
    void start() {
        sim = SimulatedProvider.builder().embeddingDimensions(4).start();
    }

    @AfterEach
    void stop() {
        http.close();
        sim.close();
        assertEquals(0, ReplyLimits.held(), "every byte of every reply is given back");
    }

    private ProviderHttpClient client(Duration timeout, long limit) {
        return http.client(timeout, limit);
    }

    private HttpRequest embed() {
        return HttpRequest.builder().method(HttpMethod.POST).url(sim.baseUrl() + Endpoint.OLLAMA_EMBED.path())
                .addHeader("Content-Type", "application/json").body("{\"model\":\"m\",\"input\":[\"a\"]}").build();
    }

    private ProviderIoException fails(ProviderHttpClient client) {
        return assertTimeoutPreemptively(GUARD, () -> assertThrows(ProviderIoException.class,
                () -> client.execute(embed())));
    }

    @Test
    void aReplyWithinTheLimitIsReadWhole() {
        String body = client(Duration.ofSeconds(5), 1 << 20).execute(embed()).body();
        assertTrue(body.startsWith("{\"model\":\"m\""), body);
    }

    @Test
    void theLimitIsTheConfiguredOne() {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.endlessBody());
        ProviderIoException e = fails(client(Duration.ofSeconds(30), 100_000));
        assertEquals("reply from " + sim.baseUrl() + "/api/embed is larger than the 100000-byte limit", e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void anAnnouncedLengthOverTheLimitIsRefusedBeforeReading() {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.hugeBody(100_001));
        assertTrue(fails(client(Duration.ofSeconds(30), 100_000)).getMessage()
                .endsWith("announces 100001 bytes, more than the 100000-byte limit"));
    }

    @Test
    void theDeadlineCoversTheBody() {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.slowloris(Duration.ofMillis(50)));
        ProviderIoException e = fails(client(Duration.ofMillis(500), 1 << 20));
        assertEquals("reply from " + sim.baseUrl() + "/api/embed was not complete within 500ms", e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void theDeadlineCoversTheWaitForHeadersToo() {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.hang());
        ProviderIoException e = fails(client(Duration.ofMillis(500), 1 << 20));
        assertEquals("no reply from " + sim.baseUrl() + "/api/embed within 500ms", e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void anInterruptAbandonsTheExchange() throws Exception {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.stalledBody());
        ProviderHttpClient client = client(Duration.ofMinutes(5), 1 << 20);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                client.execute(embed());
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        while (sim.metrics().requests(Endpoint.OLLAMA_EMBED) < 1) {
            Thread.sleep(5);
        }
        Thread.sleep(100); // the stalled body has started
        caller.interrupt();
        assertTimeoutPreemptively(GUARD, () -> caller.join());
        assertEquals("request to " + sim.baseUrl() + "/api/embed was cancelled", outcome.get().getMessage());
    }

    @Test
    void aDnsFailureSaysSo() {
        HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url("http://no-such-host.invalid/api/embed")
                .body("{}").build();
        ProviderIoException e = assertThrows(ProviderIoException.class,
                () -> client(Duration.ofSeconds(10), 1 << 20).execute(request));
        assertEquals("cannot resolve the host of http://no-such-host.invalid/api/embed (DNS lookup failed)",
                e.getMessage());
    }
}
