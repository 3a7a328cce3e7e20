package io.github.rembed.client;

import io.github.rembed.RembedException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wire formats rembed speaks. */
public enum Provider {
    /** OpenAI's API, or any server that speaks its format (set {@code url}). */
    OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY", 64),
    /** Ollama's native API. */
    OLLAMA("ollama", "http://localhost:11434", null, 32),
    /** The in-process all-MiniLM-L6-v2 model: no server, no key. */
    LOCAL("local", null, null, 64);

    private final String id;
    private final String defaultUrl;
    private final String keyVariable;
    private final int defaultBatchSize;

    Provider(String id, String defaultUrl, String keyVariable, int defaultBatchSize) {
        this.id = id;
        this.defaultUrl = defaultUrl;
        this.keyVariable = keyVariable;
        this.defaultBatchSize = defaultBatchSize;
    }

    public String id() {
        return id;
    }

    String defaultUrl() {
        return defaultUrl;
    }

    /** The environment variable a key is taken from, or {@code null} when the provider takes none. */
    String keyVariable() {
        return keyVariable;
    }

    int defaultBatchSize() {
        return defaultBatchSize;
    }

    public static Provider parse(String text) {
        String id = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (id) {
            case "openai", "openai-compatible" -> OPENAI;
            case "ollama" -> OLLAMA;
            case "local", "embedded", "onnx", "all-minilm-l6-v2" -> LOCAL;
            default -> throw new RembedException("unknown provider '" + text + "'; supported: "
                    + Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", ")));
        };
    }
}
