package io.github.rembed.bench;

import com.github.benmanes.caffeine.cache.Cache;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and empties the pipeline's process-wide caption and embedding caches, which the
 * library keeps internal. Only the heap rows use it, to tell the stream's own memory apart
 * from the cache's (bounded) growth. If the internals change, it reports itself unavailable
 * and the heap rows say so instead of guessing.
 */
final class CacheProbe {
    private final List<Cache<?, ?>> caches = new ArrayList<>();

    private CacheProbe() {
    }

    static CacheProbe find() {
        CacheProbe p = new CacheProbe();
        try {
            Class<?> type = Class.forName("io.github.rembed.pipeline.PipelineCaches");
            Field shared = type.getDeclaredField("SHARED");
            shared.setAccessible(true);
            Object instance = shared.get(null);
            for (Field f : type.getDeclaredFields()) {
                if (Cache.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    p.caches.add((Cache<?, ?>) f.get(instance));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            p.caches.clear();
        }
        return p;
    }

    boolean available() {
        return !caches.isEmpty();
    }

    /** The caches' own estimate of what they hold, in bytes (their eviction weight). */
    long weight() {
        long sum = 0;
        for (Cache<?, ?> c : caches) {
            c.cleanUp();
            sum += c.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        }
        return sum;
    }

    /** Largest weight the caches may hold together, in bytes. */
    long bound() {
        long sum = 0;
        for (Cache<?, ?> c : caches) {
            sum += c.policy().eviction().map(e -> e.getMaximum()).orElse(0L);
        }
        return sum;
    }

    void clear() {
        for (Cache<?, ?> c : caches) {
            c.invalidateAll();
            c.cleanUp();
        }
    }
}
