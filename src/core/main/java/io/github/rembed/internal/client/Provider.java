package io.github.rembed.internal.client;

import io.github.rembed.RembedException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The embedding providers rembed speaks, each with its wire format, default endpoint, key
 * variables, auth header and the request field its {@code input_type} goes into.
 */
public enum Provider {
    /** OpenAI's API, or any server that speaks its format (set {@code url}). */
    OPENAI("openai", Wire.OPENAI, "https://api.openai.com/v1/embeddings", Auth.BEARER, 64, 2048, null,
            "OPENAI_API_KEY"),
    /** Ollama's native API; {@code OLLAMA_HOST} honoured. */
    OLLAMA("ollama", Wire.OLLAMA, "http://localhost:11434/api/embed", Auth.BEARER, 32, 2048, null),
    /** The in-process all-MiniLM-L6-v2 model: no server, no key. */
    LOCAL("local", Wire.LOCAL, null, Auth.BEARER, 64, 2048, null),
    NOMIC("nomic", Wire.NOMIC, "https://api-atlas.nomic.ai/v1/embedding/text", Auth.BEARER, 64, 2048, "task_type",
            "NOMIC_API_KEY"),
    /** Cohere's v2 API; a {@code url} ending in {@code /v1/embed} speaks v1. */
    COHERE("cohere", Wire.COHERE_V2, "https://api.cohere.com/v2/embed", Auth.BEARER, 96, 96, "input_type",
            "CO_API_KEY", "COHERE_API_KEY"),
    JINA("jina", Wire.OPENAI, "https://api.jina.ai/v1/embeddings", Auth.BEARER, 64, 2048, null, "JINA_API_KEY"),
    MIXEDBREAD("mixedbread", Wire.OPENAI, "https://api.mixedbread.ai/v1/embeddings/", Auth.BEARER, 64, 2048, null,
            "MIXEDBREAD_API_KEY"),
    /** A llamafile (llama.cpp) server: one text per request, no model name. */
    LLAMAFILE("llamafile", Wire.LLAMAFILE, "http://localhost:8080/embedding", Auth.BEARER, 1, 1, null),
    GEMINI("gemini", Wire.GEMINI,
            "https://generativelanguage.googleapis.com/v1beta/models/{model}:batchEmbedContents", Auth.GOOGLE, 100,
            100, "taskType", "GEMINI_API_KEY", "GOOGLE_API_KEY"),
    MISTRAL("mistral", Wire.OPENAI, "https://api.mistral.ai/v1/embeddings", Auth.BEARER, 64, 2048, null,
            "MISTRAL_API_KEY"),
    VOYAGE("voyage", Wire.OPENAI, "https://api.voyageai.com/v1/embeddings", Auth.BEARER, 64, 1000, "input_type",
            "VOYAGE_API_KEY"),
    /** Azure OpenAI: the model is the deployment; the endpoint is the resource's ({@code AZURE_OPENAI_ENDPOINT}). */
    AZURE("azure", Wire.OPENAI, null, Auth.AZURE, 64, 2048, null, "AZURE_OPENAI_API_KEY");

    /** Providers scripts name that have no embedding models. */
    private static final List<String> CHAT_ONLY = List.of("groq", "anthropic", "deepseek", "xai");

    private final String id;
    private final Wire wire;
    private final String defaultUrl;
    private final Auth auth;
    private final int defaultBatchSize;
    private final int maxBatchSize;
    private final String inputTypeField;
    private final List<String> keyVariables;

    Provider(String id, Wire wire, String defaultUrl, Auth auth, int defaultBatchSize, int maxBatchSize,
             String inputTypeField, String... keyVariables) {
        this.id = id;
        this.wire = wire;
        this.defaultUrl = defaultUrl;
        this.auth = auth;
        this.defaultBatchSize = defaultBatchSize;
        this.maxBatchSize = maxBatchSize;
        this.inputTypeField = inputTypeField;
        this.keyVariables = List.of(keyVariables);
    }

    public String id() {
        return id;
    }

    /** The wire format for requests to {@code url}: Cohere and Ollama speak an older one at older paths. */
    public Wire wire(String url) {
        String path = url == null ? "" : Endpoints.path(url);
        if (this == COHERE && path.endsWith("/v1/embed")) {
            return Wire.COHERE_V1;
        }
        if (this == OLLAMA && path.endsWith("/api/embeddings")) {
            return Wire.OLLAMA_LEGACY;
        }
        return wire;
    }

    public Auth auth() {
        return auth;
    }

    /** The endpoint requests go to without {@code url}; {@code {model}} stands for the model. Null for Azure and local. */
    String defaultUrl() {
        return defaultUrl;
    }

    /** The environment variables a key is taken from, in order; empty when the provider takes none. */
    public List<String> keyVariables() {
        return keyVariables;
    }

    int defaultBatchSize() {
        return defaultBatchSize;
    }

    int maxBatchSize() {
        return maxBatchSize;
    }

    /** True when {@code rembed(client, text, input_type)} is meaningful for this provider. */
    public boolean takesInputType() {
        return inputTypeField != null;
    }

    /**
     * The value sent for a user's {@code input_type}. Gemini's task types are upper case, and
     * the portable {@code search_query}/{@code search_document} of Cohere and Nomic are
     * translated for Gemini and Voyage, so one script works across providers.
     */
    public String inputType(String given) {
        if (!takesInputType()) {
            throw new RembedException(id + " takes no input_type; only "
                    + Arrays.stream(values()).filter(Provider::takesInputType).map(Provider::id)
                    .collect(Collectors.joining(", ")) + " do");
        }
        String t = given.trim();
        if (t.isEmpty()) {
            throw new RembedException("input_type must not be empty");
        }
        return switch (this) {
            case GEMINI -> switch (t.toLowerCase(Locale.ROOT)) {
                case "search_query", "query" -> "RETRIEVAL_QUERY";
                case "search_document", "document" -> "RETRIEVAL_DOCUMENT";
                default -> t.toUpperCase(Locale.ROOT);
            };
            case VOYAGE -> switch (t.toLowerCase(Locale.ROOT)) {
                case "search_query", "retrieval_query" -> "query";
                case "search_document", "retrieval_document" -> "document";
                default -> t;
            };
            default -> t;
        };
    }

    /** The request field {@code input_type} is sent in, or null when the provider has none. */
    public String inputTypeField() {
        return inputTypeField;
    }

    /** A provider by name or alias; {@code model} decides what {@code anthropic} means. */
    public static Provider parse(String text, String model) {
        String id = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (id) {
            case "openai", "openai-compatible" -> OPENAI;
            case "ollama" -> OLLAMA;
            case "local", "embedded", "onnx", "all-minilm-l6-v2" -> LOCAL;
            case "nomic" -> NOMIC;
            case "cohere" -> COHERE;
            case "jina" -> JINA;
            case "mixedbread", "mxbai" -> MIXEDBREAD;
            case "llamafile" -> LLAMAFILE;
            case "gemini", "google" -> GEMINI;
            case "mistral", "mistralai" -> MISTRAL;
            case "voyage", "voyageai" -> VOYAGE;
            case "azure", "azure-openai", "azure_openai" -> AZURE;
            default -> {
                if (id.equals("anthropic") && model != null && model.trim().toLowerCase(Locale.ROOT).startsWith("voyage")) {
                    yield VOYAGE; // Anthropic's embeddings are Voyage AI's; the fork files them under anthropic::
                }
                if (CHAT_ONLY.contains(id)) {
                    throw new RembedException(id + " has no embedding models"
                            + (id.equals("anthropic") ? " (Anthropic recommends Voyage AI: use voyage::voyage-3)" : "")
                            + "; use one of " + ids());
                }
                throw new RembedException("unknown provider '" + text + "'; supported: " + ids());
            }
        };
    }

    public static Provider parse(String text) {
        return parse(text, null);
    }

    static String ids() {
        return Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", "));
    }
}
