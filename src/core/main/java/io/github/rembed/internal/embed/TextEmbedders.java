package io.github.rembed.internal.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.concurrency.EndpointRegistry;
import io.github.rembed.internal.engine.RetryPolicy;
import io.github.rembed.internal.http.ProviderHttp;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds and shares a runtime's embedders: every connection whose client has the same
 * provider, URL, model, key, limits and input type uses one instance, and so one set of
 * endpoint limits. The least recently used beyond {@code maxKept} are dropped.
 */
public final class TextEmbedders {
    private record Key(ClientSpec spec, String inputType) {
    }

    private final Cache<Key, TextEmbedder> embedders;
    private final ProviderHttp http;
    private final EndpointRegistry endpoints;
    private final AtomicInteger liveWorkers;

    /** @param liveWorkers counts the worker tasks of text calls while they run */
    public TextEmbedders(ProviderHttp http, EndpointRegistry endpoints, AtomicInteger liveWorkers, int maxKept) {
        this.embedders = Caffeine.newBuilder().maximumSize(maxKept).build();
        this.http = http;
        this.endpoints = endpoints;
        this.liveWorkers = liveWorkers;
    }

    public TextEmbedder forSpec(ClientSpec spec) {
        return forSpec(spec, null);
    }

    /**
     * The embedder of {@code spec} that sends {@code inputType} (the value the user gave, or
     * null). A provider without input types refuses a non-null one with a clear error.
     */
    public TextEmbedder forSpec(ClientSpec spec, String inputType) {
        String wireValue = inputType == null ? null : spec.provider().inputType(inputType);
        return embedders.get(new Key(spec, wireValue), this::build);
    }

    /**
     * Reads a canned reply of the most used wire formats (OpenAI in base64 and in numbers,
     * Ollama) and writes their requests once, sending nothing, so that the classes of a first
     * request are loaded before any call needs them.
     */
    public static void warmUp() {
        String b64 = Vectors.toBase64(new float[] {0.25f, -0.5f});
        for (String reply : List.of("{\"data\":[{\"index\":0,\"embedding\":\"" + b64 + "\"}],\"usage\":{\"prompt_tokens\":1}}",
                "{\"data\":[{\"index\":0,\"embedding\":[0.25,-0.5]}],\"usage\":{\"prompt_tokens\":1}}")) {
            check(new OpenAiWire(null, null, true), reply);
        }
        check(new OllamaWire(null), "{\"model\":\"m\",\"embeddings\":[[0.25,-0.5]],\"prompt_eval_count\":1}");
    }

    private static void check(WireFormat format, String reply) {
        format.body("warm-up", List.of("a text"), null).toString();
        try {
            List<float[]> vectors = format.vectors(WireFormat.JSON.readTree(reply), 1);
            ReplyCheck.check(vectors, 1);
            ReplyJson.inputTokens(WireFormat.JSON.readTree(reply));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the warm-up's own reply is not JSON", e);
        }
    }

    private TextEmbedder build(Key key) {
        ClientSpec spec = key.spec();
        return switch (spec.provider()) {
            case LOCAL -> new LocalTextEmbedder(spec);
            default -> new RemoteTextEmbedder(spec, new WireClient(spec, key.inputType(),
                    http.builder().readTimeout(spec.timeout()).build()), RetryPolicy.DEFAULT,
                    endpoints.set(spec.provider().id() + " embedding", spec.urls(), spec.maxConcurrent()), liveWorkers);
        };
    }
}
