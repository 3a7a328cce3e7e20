package io.github.rembed.internal.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.RembedException;
import io.github.rembed.internal.http.ProviderHttpException;
import io.github.rembed.internal.http.ProviderIoException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"429, REJECTED", "503, UNAVAILABLE", "408, UNAVAILABLE", "504, UNAVAILABLE", "500, FAILED",
            "502, FAILED", "400, IGNORED", "401, IGNORED", "404, IGNORED", "413, IGNORED"})
    void statusesMeanWhatTheySayForLimitsAndHealth(int status, Outcome expected) {
        RuntimeException wrapped = new RembedException("client 'x'", new ProviderHttpException(status, "m", null));
        assertEquals(expected, Failure.of(wrapped).outcome());
    }

    @Test
    void retryAfterIsReadFromTheReply() {
        Failure f = Failure.of(new ProviderHttpException(429, "slow down", Duration.ofSeconds(2)));
        assertEquals(Duration.ofSeconds(2), f.retryAfter());
    }

    @Test
    void timeoutsAreDropsAndRefusedConnectionsAreEndpointFailures() {
        Failure timeout = Failure.of(new ProviderIoException("timed out", true));
        assertTrue(timeout.outcome().dropped() && timeout.outcome().endpointFailure());
        Failure refused = Failure.of(new ProviderIoException("refused", false));
        assertEquals(Outcome.FAILED, refused.outcome());
        assertFalse(refused.outcome().dropped(), "a dead server says nothing about how much a live one can take");
        assertEquals(Outcome.UNAVAILABLE,
                Failure.of(new UncheckedIOException(new HttpTimeoutException("request timed out"))).outcome());
        assertEquals(Outcome.FAILED, Failure.of(new RuntimeException(new ConnectException("refused"))).outcome());
    }

    @Test
    void anythingElseOrACancelledRequestTeachesNothing() {
        assertEquals(Outcome.IGNORED, Failure.of(new IllegalStateException("malformed reply")).outcome());
        Thread.currentThread().interrupt();
        try {
            assertEquals(Outcome.IGNORED, Failure.of(new ProviderIoException("timed out", true)).outcome());
        } finally {
            Thread.interrupted();
        }
    }
}
