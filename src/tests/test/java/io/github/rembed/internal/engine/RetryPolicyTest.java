package io.github.rembed.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void retryAfterIsHonouredButCapped() {
        RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(2), p.delayBefore(2, Duration.ofSeconds(2), 0.5));
        assertEquals(Duration.ofSeconds(5), p.delayBefore(2, Duration.ofSeconds(60), 0.5));
    }

    @Test
    void backoffDoublesWithJitterInItsUpperHalfUpToTheCap() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1));
        assertEquals(Duration.ofMillis(50), p.delayBefore(2, null, 0.0));
        assertEquals(Duration.ofMillis(100), p.delayBefore(3, null, 0.0));
        Duration third = p.delayBefore(4, null, 0.999);
        assertTrue(third.toMillis() > 350 && third.toMillis() <= 400, third.toString());
        assertEquals(Duration.ofMillis(500), p.delayBefore(9, null, 0.0), "capped at 1 s, jittered from half of it");
    }
}
