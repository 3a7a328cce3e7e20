package io.github.rembed.internal.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.client.VisionSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Captions and caption embeddings, cached separately and bounded by their size in bytes: a
 * repeated image costs no vision request, and a repeated caption no embedding request. Keys
 * name the endpoint and model (never the API key); images are keyed by their SHA-256.
 */
final class PipelineCaches {

    record CaptionKey(String provider, String baseUrl, String model, String prompt, String imageSha256) {
        static CaptionKey of(VisionSpec spec, byte[] image) {
            return new CaptionKey(spec.provider().id(), spec.baseUrl(), spec.model(), spec.prompt(), sha256(image));
        }
    }

    record EmbeddingKey(String provider, String url, String model, String text) {
        static EmbeddingKey of(ClientSpec spec, String text) {
            return new EmbeddingKey(spec.provider().id(), spec.url(), spec.model(), text);
        }
    }

    private final Cache<CaptionKey, String> captions;
    private final Cache<EmbeddingKey, float[]> embeddings;

    PipelineCaches(long captionBytes, long embeddingBytes) {
        captions = Caffeine.newBuilder().maximumWeight(captionBytes)
                .weigher((CaptionKey k, String v) -> 200 + 2 * (k.prompt().length() + v.length())).build();
        embeddings = Caffeine.newBuilder().maximumWeight(embeddingBytes)
                .weigher((EmbeddingKey k, float[] v) -> 100 + 2 * k.text().length() + 4 * v.length).build();
    }

    String caption(CaptionKey key) {
        return captions.getIfPresent(key);
    }

    void putCaption(CaptionKey key, String caption) {
        captions.put(key, caption);
    }

    float[] embedding(EmbeddingKey key) {
        float[] v = embeddings.getIfPresent(key);
        return v == null ? null : v.clone();
    }

    void putEmbedding(EmbeddingKey key, float[] vector) {
        embeddings.put(key, vector.clone());
    }

    /** What both caches hold, by their own estimate in bytes (their eviction weight). */
    long weight() {
        long sum = 0;
        for (Cache<?, ?> c : both()) {
            c.cleanUp();
            sum += c.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        }
        return sum;
    }

    void clear() {
        for (Cache<?, ?> c : both()) {
            c.invalidateAll();
            c.cleanUp();
        }
    }

    private List<Cache<?, ?>> both() {
        return List.of(captions, embeddings);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
