package io.github.rembed.internal.pipeline;

import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.embed.TextEmbedder;
import io.github.rembed.internal.engine.CallStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An embedder that asks the embedding cache first: cached texts cost no request, the others
 * go to the wrapped embedder in one call and are cached. Hits are counted with
 * {@link CallStats#cacheHit()}, only for texts actually served.
 */
final class CachingTextEmbedder implements TextEmbedder {
    private final TextEmbedder inner;
    private final PipelineCaches caches;

    CachingTextEmbedder(TextEmbedder inner, PipelineCaches caches) {
        this.inner = inner;
        this.caches = caches;
    }

    /** The cached vector of {@code text} (a hit is counted), or {@code null} without any request. */
    float[] cached(String text, CallStats stats) {
        float[] v = caches.embedding(key(text));
        if (v != null) {
            stats.cacheHit();
        }
        return v;
    }

    @Override
    public List<float[]> embed(List<String> texts, CallStats stats) {
        float[][] out = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out[i] = caches.embedding(key(texts.get(i)));
            if (out[i] == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> vectors = inner.embed(missing.stream().map(texts::get).toList(), stats);
            for (int j = 0; j < missing.size(); j++) {
                int i = missing.get(j);
                out[i] = vectors.get(j);
                caches.putEmbedding(key(texts.get(i)), out[i]);
            }
        }
        for (int hit = texts.size() - missing.size(); hit > 0; hit--) {
            stats.cacheHit();
        }
        return Arrays.asList(out);
    }

    private PipelineCaches.EmbeddingKey key(String text) {
        return PipelineCaches.EmbeddingKey.of(inner.spec(), text);
    }

    @Override
    public ClientSpec spec() {
        return inner.spec();
    }
}
