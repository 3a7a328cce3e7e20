package io.github.rembed.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.RembedException;
import io.github.rembed.http.ProviderHttpException;
import io.github.rembed.http.ProviderIoException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(50));

    @Test
    void retriesServerErrorsThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        CallStats stats = new CallStats();
        String out = Retrier.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new RuntimeException("wrapped", new ProviderHttpException(503, "HTTP 503 from x", null));
            }
            return "ok";
        }, FAST, stats, "client 'c'");
        assertEquals("ok", out);
        assertEquals(3, stats.requests());
        assertEquals(2, stats.retries());
    }

    @Test
    void givesUpAfterMaxAttemptsAndSaysSo() {
        CallStats stats = new CallStats();
        RembedException e = assertThrows(RembedException.class, () -> Retrier.call(() -> {
            throw new ProviderHttpException(500, "HTTP 500 from http://h/v1/embeddings", null);
        }, FAST, stats, "client 'c'"));
        assertEquals("client 'c': HTTP 500 from http://h/v1/embeddings after 3 attempts", e.getMessage());
        assertEquals(3, stats.requests());
    }

    @Test
    void clientErrorsAndRefusedConnectionsAreNotRetried() {
        CallStats stats = new CallStats();
        assertThrows(RembedException.class, () -> Retrier.call(() -> {
            throw new ProviderHttpException(401, "HTTP 401", null);
        }, FAST, stats, "c"));
        assertThrows(RembedException.class, () -> Retrier.call(() -> {
            throw new ProviderIoException("cannot connect", false);
        }, FAST, stats, "c"));
        assertEquals(2, stats.requests());
    }

    @Test
    void retryAfterIsHonouredButCapped() {
        RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(2), p.delayBefore(2, Duration.ofSeconds(2), 0.5));
        assertEquals(Duration.ofSeconds(5), p.delayBefore(2, Duration.ofSeconds(60), 0.5));
        Duration backoff = p.delayBefore(3, null, 0.0);
        assertTrue(backoff.toMillis() >= 100 && backoff.toMillis() <= 200, backoff.toString());
    }

    @Test
    void anInterruptedCallerStopsBeforeSending() {
        CallStats stats = new CallStats();
        Thread.currentThread().interrupt();
        try {
            RembedException e = assertThrows(RembedException.class, () -> Retrier.call(() -> "x", FAST, stats, "c"));
            assertTrue(e.getMessage().contains("cancelled"));
            assertEquals(0, stats.requests());
        } finally {
            Thread.interrupted();
        }
    }
}
