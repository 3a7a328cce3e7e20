package io.github.rembed.internal.client;

/** The request and reply shapes of embedding APIs; several providers share one. */
public enum Wire {
    /** {@code {"model","input":[...]}} to {@code data[i].embedding}, placed by {@code data[i].index}. */
    OPENAI,
    /** Ollama's {@code /api/embed}: {@code {"model","input":[...]}} to {@code embeddings[i]}. */
    OLLAMA,
    /** Ollama's older {@code /api/embeddings}: {@code {"model","prompt"}} to {@code embedding}, one text a request. */
    OLLAMA_LEGACY,
    /** {@code {"model","texts":[...],"task_type"?}} to {@code embeddings[i]}. */
    NOMIC,
    /** {@code {"model","texts","input_type","embedding_types":["float"]}} to {@code embeddings.float[i]}. */
    COHERE_V2,
    /** {@code {"model","texts","input_type"?}} to {@code embeddings[i]}. */
    COHERE_V1,
    /** {@code {"content"}} to {@code embedding}, one text a request. */
    LLAMAFILE,
    /** {@code batchEmbedContents}: {@code {"requests":[{"model","content":{"parts":[{"text"}]}}]}} to {@code embeddings[i].values}. */
    GEMINI,
    /** No wire: the in-process model. */
    LOCAL;

    /** True for formats whose request carries a single text. */
    public boolean oneTextPerRequest() {
        return this == OLLAMA_LEGACY || this == LLAMAFILE;
    }
}
