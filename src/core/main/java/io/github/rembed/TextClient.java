package io.github.rembed;

import io.github.rembed.client.ClientSpec;
import io.github.rembed.embed.TextEmbedder;
import io.github.rembed.embed.TextEmbedders;
import io.github.rembed.engine.CallStats;
import java.util.List;
import java.util.Objects;

/** Embeds texts from Java with the same engine the SQL functions use. Thread-safe. */
public final class TextClient {
    private final ClientSpec spec;
    private final TextEmbedder embedder;

    TextClient(ClientSpec spec) {
        this(spec, TextEmbedders.forSpec(spec));
    }

    private TextClient(ClientSpec spec, TextEmbedder embedder) {
        this.spec = spec;
        this.embedder = embedder;
    }

    /**
     * This client sending {@code inputType} with every request, as
     * {@code rembed(client, text, input_type)} does: nomic's task_type, cohere's and voyage's
     * input_type, gemini's taskType. Other providers refuse it.
     */
    public TextClient withInputType(String inputType) {
        return new TextClient(spec, TextEmbedders.forSpec(spec, Objects.requireNonNull(inputType, "inputType")));
    }

    public float[] embed(String text) {
        Objects.requireNonNull(text, "text");
        return embedder.embed(List.of(text), new CallStats()).get(0);
    }

    /**
     * One vector per text, in order, sent in requests of the client's batch size, as many at
     * once as {@code max_concurrent_requests} allows on each of the client's servers. The first
     * failed request fails the call (the others are stopped).
     */
    public List<float[]> embedAll(List<String> texts) {
        texts.forEach(t -> Objects.requireNonNull(t, "texts must not contain null"));
        return embedder.embed(texts, new CallStats());
    }

    /**
     * A result per text, in input order, sent like {@link #embedAll}: each text's vector, or
     * ({@link Stage#EMBEDDING}) why its request failed; one failed request fails only its own
     * texts. Interrupting the calling thread stops the call: texts not done are
     * {@link Stage#CANCELLED}.
     */
    public List<ItemResult> embedEach(List<String> texts) {
        texts.forEach(t -> Objects.requireNonNull(t, "texts must not contain null"));
        return embedder.embedEach(texts, new CallStats(), () -> false);
    }

    /** Provider, model and URL; never the key. */
    public String describe() {
        return embedder.spec().describe();
    }

    @Override
    public String toString() {
        return "TextClient[" + describe() + "]";
    }
}
