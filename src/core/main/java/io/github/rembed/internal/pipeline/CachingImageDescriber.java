package io.github.rembed.internal.pipeline;

import io.github.rembed.RembedException;
import io.github.rembed.internal.client.VisionSpec;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.vision.ImageDescriber;
import io.github.rembed.internal.vision.ImageType;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * A describer that asks the caption cache first: a repeated image costs no request (and
 * waits for no request slot). Identical images described at the same time share one request:
 * the later ones wait for the first one's caption (or its failure). Each image served without
 * a request of its own counts as a hit in {@code hits}. One instance per call.
 */
final class CachingImageDescriber implements ImageDescriber {
    private final ImageDescriber inner;
    private final PipelineCaches caches;
    private final CallStats hits;
    /** Requests in flight, by image: an identical image waits for the first one's. */
    private final Map<PipelineCaches.CaptionKey, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();

    CachingImageDescriber(ImageDescriber inner, PipelineCaches caches, CallStats hits) {
        this.inner = inner;
        this.caches = caches;
        this.hits = hits;
    }

    @Override
    public String describe(byte[] image, ImageType type) {
        PipelineCaches.CaptionKey key = PipelineCaches.CaptionKey.of(inner.spec(), image);
        String cached = caches.caption(key);
        if (cached != null) {
            hits.cacheHit();
            return cached;
        }
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> first = inFlight.putIfAbsent(key, mine);
        if (first != null) {
            hits.cacheHit();
            return await(first);
        }
        try {
            String caption = inner.describe(image, type);
            caches.putCaption(key, caption);
            mine.complete(caption);
            return caption;
        } catch (Throwable e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private static String await(CompletableFuture<String> first) {
        try {
            return first.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RembedException("cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new RembedException(e.getCause().getMessage());
        }
    }

    @Override
    public VisionSpec spec() {
        return inner.spec();
    }
}
