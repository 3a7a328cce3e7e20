package io.github.rembed;

/**
 * Who serves a model, and so the wire format, default endpoint, key variables and auth header
 * a client uses. The same names as the SQL forms ({@code 'openai'}, {@code 'ollama::...'}).
 * A key variable is read only for requests to the provider's own host; a client with another
 * {@code url} sends the key it was given, or none.
 */
public enum Provider {
    /** OpenAI, or any server that speaks its format (give a {@code url}); key {@code OPENAI_API_KEY}. */
    OPENAI,
    /** Ollama's native API at {@code OLLAMA_HOST}, else {@code http://localhost:11434}; no key needed. */
    OLLAMA,
    /** The in-process all-MiniLM-L6-v2 model (artifact {@code rembed-minilm}): no server, no key. */
    LOCAL,
    /** Nomic Atlas; key {@code NOMIC_API_KEY}. */
    NOMIC,
    /**
     * Cohere (v2 API; a {@code url} ending {@code /v1/embed} speaks v1), at most 96 texts a
     * request; key {@code CO_API_KEY} or {@code COHERE_API_KEY}.
     */
    COHERE,
    /** Jina AI; key {@code JINA_API_KEY}. */
    JINA,
    /** Mixedbread; key {@code MIXEDBREAD_API_KEY}. */
    MIXEDBREAD,
    /** A llamafile (llama.cpp) server, by default {@code http://localhost:8080}: one text per request, no model name. */
    LLAMAFILE,
    /** Google Gemini; key {@code GEMINI_API_KEY} or {@code GOOGLE_API_KEY}. */
    GEMINI,
    /** Mistral AI; key {@code MISTRAL_API_KEY}. */
    MISTRAL,
    /** Voyage AI, at most 1000 texts a request; key {@code VOYAGE_API_KEY}. */
    VOYAGE,
    /**
     * Azure OpenAI: the model is the deployment, the {@code url} the resource endpoint (or
     * {@code AZURE_OPENAI_ENDPOINT}); key {@code AZURE_OPENAI_API_KEY}.
     */
    AZURE;

    /**
     * The provider's name in SQL options, such as {@code openai}.
     *
     * @return the lower-case name
     */
    public String id() {
        return internal().id();
    }

    io.github.rembed.internal.client.Provider internal() {
        return io.github.rembed.internal.client.Provider.valueOf(name());
    }
}
