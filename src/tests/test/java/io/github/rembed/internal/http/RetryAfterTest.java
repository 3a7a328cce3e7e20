package io.github.rembed.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void secondsAndFractions() {
        assertEquals(Duration.ofSeconds(2), RetryAfter.parse("2", NOW));
        assertEquals(Duration.ofMillis(50), RetryAfter.parse("0.05", NOW));
    }

    @Test
    void httpDate() {
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Tue, 01 Dec 2026 12:00:30 GMT", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("Tue, 01 Dec 2026 11:00:00 GMT", NOW));
    }

    @Test
    void garbageAndNegativeAreIgnoredAndHugeIsCapped() {
        assertNull(RetryAfter.parse("soon", NOW));
        assertNull(RetryAfter.parse("-1", NOW));
        assertNull(RetryAfter.parse("", NOW));
        assertEquals(Duration.ofMinutes(10), RetryAfter.parse("99999", NOW));
    }
}
