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
    /**
     * The model's name, as clients ask for it.
     *
     * @return the name, for example {@code all-minilm-l6-v2}
     */
    String name();

    /**
     * The length of the model's vectors.
     *
     * @return the length of every vector the model returns, for example 384
     */
    int dimensions();

    /**
     * Loads the model. Called once per process, on first use, from any thread; the model it
     * returns is then used from many threads at once.
     *
     * @return the loaded model
     */
    EmbeddingModel load();
}
