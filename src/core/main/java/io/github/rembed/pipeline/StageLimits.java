package io.github.rembed.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.rembed.RembedException;
import io.github.rembed.client.ClientSpec;
import io.github.rembed.client.VisionSpec;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Concurrency limits per endpoint: every call, on every connection, that talks to the same
 * endpoint with the same limit shares one semaphore, so the limit holds for the endpoint and
 * not just per call. A semaphore is kept only while some call holds it (weak values): an
 * endpoint no longer used costs nothing, and one taken up again starts with all its permits,
 * which is right since no call can hold a permit of a semaphore nobody references.
 */
final class StageLimits {
    private record Key(String stage, String endpoint, int limit) {
    }

    private final Cache<Key, Semaphore> limits = Caffeine.newBuilder().weakValues().build();

    Semaphore vision(VisionSpec spec, int limit) {
        return of("vision", spec.provider().id() + " " + spec.baseUrl(), limit);
    }

    Semaphore embedding(ClientSpec spec, int limit) {
        return of("embedding", spec.provider().id() + " " + spec.url(), limit);
    }

    private Semaphore of(String stage, String endpoint, int limit) {
        // Fair, so that one busy connection cannot starve another one's requests.
        return limits.get(new Key(stage, endpoint, limit), k -> new Semaphore(k.limit, true));
    }

    /** Endpoint limits kept right now (those some call may still hold). */
    long size() {
        limits.cleanUp();
        return limits.estimatedSize();
    }

    /**
     * Runs {@code request} holding a permit of {@code limit}. An interrupt while waiting for
     * the permit is kept and reported as a cancellation.
     */
    static <T> T withPermit(Semaphore limit, Supplier<T> request) {
        try {
            limit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RembedException("cancelled while waiting for a free request slot");
        }
        try {
            return request.get();
        } finally {
            limit.release();
        }
    }
}
