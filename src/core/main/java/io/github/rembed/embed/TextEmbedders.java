package io.github.rembed.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.rembed.client.ClientSpec;
import io.github.rembed.engine.RetryPolicy;
import io.github.rembed.http.ProviderHttp;

/**
 * Builds and shares embedders: every connection whose client has the same provider, URL,
 * model, key, limits and input type uses one instance (and so one HTTP pool).
 */
public final class TextEmbedders {
    private record Key(ClientSpec spec, String inputType) {
    }

    private static final Cache<Key, TextEmbedder> SHARED = Caffeine.newBuilder().maximumSize(256).build();

    private TextEmbedders() {
    }

    public static TextEmbedder forSpec(ClientSpec spec) {
        return forSpec(spec, null);
    }

    /**
     * The embedder of {@code spec} that sends {@code inputType} (the value the user gave, or
     * null). A provider without input types refuses a non-null one with a clear error.
     */
    public static TextEmbedder forSpec(ClientSpec spec, String inputType) {
        String wireValue = inputType == null ? null : spec.provider().inputType(inputType);
        return SHARED.get(new Key(spec, wireValue), TextEmbedders::build);
    }

    private static TextEmbedder build(Key key) {
        ClientSpec spec = key.spec();
        return switch (spec.provider()) {
            case LOCAL -> new LocalTextEmbedder(spec);
            default -> new RemoteTextEmbedder(spec, new WireClient(spec, key.inputType(),
                    ProviderHttp.builder().readTimeout(spec.timeout()).build()), RetryPolicy.DEFAULT);
        };
    }
}
