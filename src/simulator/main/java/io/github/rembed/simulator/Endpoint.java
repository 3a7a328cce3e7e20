package io.github.rembed.simulator;

/** The routes the simulator serves, each a POST. */
public enum Endpoint {
    OPENAI_EMBEDDINGS("/v1/embeddings", false),
    OLLAMA_EMBED("/api/embed", false),
    OLLAMA_EMBEDDINGS("/api/embeddings", false),
    OLLAMA_CHAT("/api/chat", true),
    OLLAMA_GENERATE("/api/generate", true),
    OPENAI_CHAT("/v1/chat/completions", true);

    private final String path;
    private final boolean vision;

    Endpoint(String path, boolean vision) {
        this.path = path;
        this.vision = vision;
    }

    public String path() {
        return path;
    }

    /** True for the image-description routes, false for embeddings. */
    public boolean vision() {
        return vision;
    }

    /** True when errors should use OpenAI's {@code {"error":{"message":...}}} shape. */
    boolean openAi() {
        return this == OPENAI_EMBEDDINGS || this == OPENAI_CHAT;
    }

    static Endpoint forPath(String path) {
        for (Endpoint e : values()) {
            if (e.path.equals(path)) {
                return e;
            }
        }
        return null;
    }
}
