package io.github.rembed.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes the simulator serves, each a POST, with the way its real service authenticates,
 * words its errors and refuses a request of the wrong shape.
 */
public enum Endpoint {
    /** OpenAI, and the servers that copy it: Jina, Mixedbread (with a trailing slash), Mistral, Voyage. */
    OPENAI_EMBEDDINGS("/v1/embeddings/?", false, Auth.BEARER, ErrorStyle.OPENAI, 400),
    OLLAMA_EMBED("/api/embed", false, Auth.BEARER, ErrorStyle.OLLAMA, 400),
    OLLAMA_EMBEDDINGS("/api/embeddings", false, Auth.BEARER, ErrorStyle.OLLAMA, 400),
    OLLAMA_CHAT("/api/chat", true, Auth.BEARER, ErrorStyle.OLLAMA, 400),
    OLLAMA_GENERATE("/api/generate", true, Auth.BEARER, ErrorStyle.OLLAMA, 400),
    OPENAI_CHAT("/v1/chat/completions", true, Auth.BEARER, ErrorStyle.OPENAI, 400),
    /** Nomic Atlas; its validation errors are FastAPI's 422. */
    NOMIC_EMBED("/v1/embedding/text", false, Auth.BEARER, ErrorStyle.DETAIL, 422),
    COHERE_EMBED_V2("/v2/embed", false, Auth.BEARER, ErrorStyle.MESSAGE, 400),
    COHERE_EMBED_V1("/v1/embed", false, Auth.BEARER, ErrorStyle.MESSAGE, 400),
    /** llamafile (llama.cpp server): one text per request, no model. */
    LLAMAFILE_EMBEDDING("/embedding", false, Auth.BEARER, ErrorStyle.OPENAI, 400),
    /** Gemini; the model is part of the path. */
    GEMINI_BATCH_EMBED("/v1beta/models/([^/:]+):batchEmbedContents", false, Auth.GOOGLE, ErrorStyle.GOOGLE, 400),
    /** Azure OpenAI; the deployment is part of the path and {@code api-version} is required. */
    AZURE_EMBEDDINGS("/openai/deployments/([^/]+)/embeddings", false, Auth.AZURE, ErrorStyle.OPENAI, 400);

    /** Where a request carries its key. */
    enum Auth { BEARER, GOOGLE, AZURE }

    /** How the real service shapes an error body. */
    enum ErrorStyle { OPENAI, OLLAMA, DETAIL, MESSAGE, GOOGLE }

    private final Pattern path;
    private final boolean vision;
    private final Auth auth;
    private final ErrorStyle errorStyle;
    private final int badRequestStatus;

    Endpoint(String pathPattern, boolean vision, Auth auth, ErrorStyle errorStyle, int badRequestStatus) {
        this.path = Pattern.compile(pathPattern);
        this.vision = vision;
        this.auth = auth;
        this.errorStyle = errorStyle;
        this.badRequestStatus = badRequestStatus;
    }

    /**
     * The path to POST to; for routes with a model or deployment in the path, {@code model}
     * stands in for it.
     */
    public String path() {
        return path("model");
    }

    /** The path to POST to, with {@code model} as the path's model or deployment where it has one. */
    public String path(String model) {
        String p = path.pattern();
        int group = p.indexOf('(');
        if (group >= 0) {
            p = p.substring(0, group) + model + p.substring(p.indexOf(')') + 1);
        }
        return p.replace("/?", "");
    }

    /** True for the image-description routes, false for embeddings. */
    public boolean vision() {
        return vision;
    }

    Auth auth() {
        return auth;
    }

    ErrorStyle errorStyle() {
        return errorStyle;
    }

    /** The status the real service answers a request of the wrong shape with. */
    int badRequestStatus() {
        return badRequestStatus;
    }

    /** The endpoint serving {@code path}, or null. */
    static Endpoint forPath(String path) {
        for (Endpoint e : values()) {
            if (e.path.matcher(path).matches()) {
                return e;
            }
        }
        return null;
    }

    /** The model or deployment named in {@code path}, or null when this route has none. */
    String modelInPath(String path) {
        Matcher m = this.path.matcher(path);
        return m.matches() && m.groupCount() > 0 ? m.group(1) : null;
    }
}
