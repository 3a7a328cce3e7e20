package io.github.rembed.internal.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.RembedException;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.engine.RetryPolicy;
import io.github.rembed.internal.http.ProviderHttpException;
import io.github.rembed.internal.http.ProviderIoException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One request over endpoints: retries under one lease per attempt, failover, errors, tokens. */
class LeasedRequestTest {
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(50));

    private static EndpointSet endpoints(String... urls) {
        return EndpointSet.unshared("vision test", List.of(urls), LimitSpec.fixed(2));
    }

    @Test
    void retriesServerErrorsThenSucceedsCountingEveryAttemptAndTheTokens() {
        AtomicInteger calls = new AtomicInteger();
        CallStats stats = new CallStats();
        EndpointSet set = endpoints("http://a");
        String out = LeasedRequest.send(set, FAST, stats, "client 'c'", () -> false, (url, usage) -> {
            if (calls.incrementAndGet() < 3) {
                throw new RuntimeException("wrapped", new ProviderHttpException(503, "HTTP 503 from x", null));
            }
            usage.add(12, 5);
            return "ok";
        });
        assertEquals("ok", out);
        assertEquals(3, stats.requests());
        assertEquals(2, stats.retries());
        assertEquals(12, stats.inputTokens());
        assertEquals(5, stats.outputTokens());
        EndpointStatus s = set.status().get(0);
        assertEquals(1, s.successes());
        assertEquals(2, s.drops(), "each 503 reached the endpoint's limit as a drop");
        assertEquals(0, s.inFlight(), "every lease was given back");
        assertEquals(12, s.inputTokens());
    }

    @Test
    void givesUpAfterMaxAttemptsAndSaysSo() {
        CallStats stats = new CallStats();
        RembedException e = assertThrows(RembedException.class, () -> LeasedRequest.send(endpoints("http://a"), FAST,
                stats, "client 'c'", () -> false, (url, usage) -> {
                    throw new ProviderHttpException(500, "HTTP 500 from http://h/v1/embeddings", null);
                }));
        assertEquals("client 'c': HTTP 500 from http://h/v1/embeddings after 3 attempts", e.getMessage());
        assertEquals(3, stats.requests());
    }

    @Test
    void clientErrorsAndARefusedConnectionToTheOnlyServerAreNotRetried() {
        CallStats stats = new CallStats();
        assertThrows(RembedException.class, () -> LeasedRequest.send(endpoints("http://a"), FAST, stats, "c",
                () -> false, (url, usage) -> {
                    throw new ProviderHttpException(401, "HTTP 401", null);
                }));
        RembedException refused = assertThrows(RembedException.class, () -> LeasedRequest.send(endpoints("http://a"),
                FAST, stats, "c", () -> false, (url, usage) -> {
                    throw new ProviderIoException("cannot connect", false);
                }));
        assertEquals("c: cannot connect", refused.getMessage());
        assertEquals(2, stats.requests());
    }

    @Test
    void aRefusedConnectionGoesToAnotherServerAtOnce() {
        List<String> urls = new CopyOnWriteArrayList<>();
        String out = LeasedRequest.send(endpoints("http://down", "http://up"), FAST, new CallStats(), "c",
                () -> false, (url, usage) -> {
                    urls.add(url);
                    if (url.equals("http://down")) {
                        throw new ProviderIoException("cannot connect", false);
                    }
                    return "served by " + url;
                });
        assertEquals("served by http://up", out);
        assertTrue(urls.size() <= 2 && urls.get(urls.size() - 1).equals("http://up"), urls.toString());
    }

    @Test
    void aStoppedOrInterruptedCallerSendsNothing() {
        CallStats stats = new CallStats();
        RembedException stopped = assertThrows(RembedException.class, () -> LeasedRequest.send(endpoints("http://a"),
                FAST, stats, "c", () -> true, (url, usage) -> "x"));
        assertTrue(stopped.getMessage().contains("cancelled"));
        Thread.currentThread().interrupt();
        try {
            RembedException e = assertThrows(RembedException.class, () -> LeasedRequest.send(endpoints("http://a"),
                    FAST, stats, "c", () -> false, (url, usage) -> "x"));
            assertTrue(e.getMessage().contains("cancelled"));
        } finally {
            Thread.interrupted();
        }
        assertEquals(0, stats.requests());
    }
}
