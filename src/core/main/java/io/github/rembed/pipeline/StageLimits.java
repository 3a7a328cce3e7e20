package io.github.rembed.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Process-wide concurrency limits: every call, on every connection, that talks to the same
 * endpoint with the same limit shares one semaphore, so the limit holds for the endpoint and
 * not just per call.
 */
final class StageLimits {
    private record Key(String stage, String endpoint, int limit) {
    }

    private static final Map<Key, Semaphore> LIMITS = new ConcurrentHashMap<>();

    private StageLimits() {
    }

    static Semaphore of(String stage, String endpoint, int limit) {
        // Fair, so that one busy connection cannot starve another one's requests.
        return LIMITS.computeIfAbsent(new Key(stage, endpoint, limit), k -> new Semaphore(k.limit, true));
    }
}
