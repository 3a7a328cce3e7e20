package io.github.rembed.spi;

import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * An embedding model that runs inside the JVM, found on the classpath with
 * {@link java.util.ServiceLoader}. The artifact {@code io.github.rembed:rembed-minilm} provides
 * {@code all-minilm-l6-v2}, the model behind the always-registered clients
 * {@code all-minilm-l6-v2} and {@code local}; without it those clients fail with an error
 * that names the artifact, and everything else works.
 */
public interface InProcessModel {
    /** The model's name, as clients ask for it (for example {@code all-minilm-l6-v2}). */
    String name();

    /** Length of every vector the model returns. */
    int dimensions();

    /**
     * Loads the model. Called once per process, on first use, from any thread.
     *
     * @return the loaded model
     */
    EmbeddingModel load();
}
