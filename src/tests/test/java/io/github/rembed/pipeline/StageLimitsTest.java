package io.github.rembed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.rembed.client.Provider;
import io.github.rembed.client.VisionSpec;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/** Endpoint limits: one semaphore per endpoint and limit while in use, none kept for endpoints left behind. */
class StageLimitsTest {
    private static VisionSpec vision(String url, String key) {
        return new VisionSpec(Provider.OLLAMA, "llava", url, key, null, "describe", Duration.ofSeconds(5));
    }

    @Test
    void callsOnTheSameEndpointAndLimitShareOneSemaphore() {
        StageLimits limits = new StageLimits();
        String url = Fakes.uniqueUrl();
        Semaphore first = limits.vision(vision(url, null), 4);
        assertSame(first, limits.vision(vision(url, "another-key"), 4), "the limit is the endpoint's, whatever the key");
        assertNotSame(first, limits.vision(vision(url, null), 2), "another limit is another semaphore");
        assertNotSame(first, limits.vision(vision(Fakes.uniqueUrl(), null), 4), "another endpoint too");
        assertNotSame(first, limits.embedding(new Fakes.Embedder().spec, 4));
    }

    @Test
    void limitsOfEndpointsNoLongerUsedAreLetGo() throws InterruptedException {
        StageLimits limits = new StageLimits();
        VisionSpec busy = vision(Fakes.uniqueUrl(), null);
        Semaphore held = limits.vision(busy, 4);
        held.acquire();
        for (int i = 0; i < 1_000; i++) {
            limits.vision(vision(Fakes.uniqueUrl(), null), 4); // a call that came and went
        }
        for (int gc = 0; gc < 50 && limits.size() > 1; gc++) {
            System.gc();
        }
        assertEquals(1, limits.size(), "only the limit still in use is kept");
        assertSame(held, limits.vision(busy, 4), "a call on the busy endpoint shares its permits");
        assertEquals(3, held.availablePermits());
    }
}
