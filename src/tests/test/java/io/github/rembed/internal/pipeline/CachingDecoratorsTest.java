package io.github.rembed.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rembed.RembedException;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.client.Provider;
import io.github.rembed.internal.client.VisionSpec;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.vision.ImageType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caption and embedding caches as decorators: what reaches the model, what counts as a hit. */
class CachingDecoratorsTest {
    private final PipelineCaches caches = new PipelineCaches(1 << 20, 1 << 20);

    @Test
    void aRepeatedImageIsDescribedOnceAndCountedAsAHit() {
        Fakes.Vision v = new Fakes.Vision();
        CallStats stats = new CallStats();
        CachingImageDescriber describer = new CachingImageDescriber(v, caches, stats);
        assertEquals("caption of a", describer.describe(Fakes.png("a"), ImageType.PNG));
        assertEquals("caption of a", describer.describe(Fakes.png("a"), ImageType.PNG));
        assertEquals("caption of b", describer.describe(Fakes.png("b"), ImageType.PNG));
        assertEquals(2, v.calls.get());
        assertEquals(1, stats.cacheHits());
    }

    @Test
    void aBatchSendsOnlyItsUncachedTextsAndCountsTheOthersAsHits() {
        Fakes.Embedder e = new Fakes.Embedder();
        CachingTextEmbedder embedder = new CachingTextEmbedder(e, caches);
        embedder.embed(List.of("a", "b"), new CallStats());
        CallStats stats = new CallStats();
        List<float[]> vectors = embedder.embed(List.of("a", "c", "b"), stats);
        assertEquals(List.of(List.of("a", "b"), List.of("c")), e.batches);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Fakes.vectorFor(List.of("a", "c", "b").get(i)), vectors.get(i));
        }
        assertEquals(2, stats.cacheHits());
        assertEquals(1, stats.requests());
    }

    @Test
    void hitsAreCountedOnlyForTextsActuallyServed() {
        Fakes.Embedder e = new Fakes.Embedder();
        CachingTextEmbedder embedder = new CachingTextEmbedder(e, caches);
        embedder.embed(List.of("a"), new CallStats());
        e.failOn = "bad";
        CallStats stats = new CallStats();
        assertThrows(RembedException.class, () -> embedder.embed(List.of("a", "bad"), stats));
        assertEquals(0, stats.cacheHits(), "the batch failed: its cached text was not served");
        assertNull(embedder.cached("bad", stats));
        assertArrayEquals(Fakes.vectorFor("a"), embedder.cached("a", stats));
        assertEquals(1, stats.cacheHits());
    }

    @Test
    void cacheKeysNeverHoldTheApiKey() {
        String key = "sk-cache-key-test-0123456789";
        var vision = new VisionSpec(Provider.OPENAI, "gpt-4o", Fakes.uniqueUrl(), key, null, "describe",
                Duration.ofSeconds(5));
        var text = new ClientSpec(Provider.OPENAI, "text-embedding-3-small", Fakes.uniqueUrl(), key, null, 8,
                Duration.ofSeconds(5));
        assertFalse(PipelineCaches.CaptionKey.of(vision, Fakes.png("a")).toString().contains(key));
        assertFalse(PipelineCaches.EmbeddingKey.of(text, "a").toString().contains(key));
    }
}
