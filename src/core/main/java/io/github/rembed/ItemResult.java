package io.github.rembed;

/** What became of input {@link #index()}: an embedding or an error, never both. */
public sealed interface ItemResult {
    /**
     * Position of the item in the input.
     *
     * @return the index, from 0
     */
    int index();

    /**
     * The caption's embedding.
     *
     * @param index  position of the item in the input
     * @param vector the embedding
     */
    record Embedded(int index, float[] vector) implements ItemResult {
    }

    /**
     * Why the item has no embedding.
     *
     * @param index position of the item in the input
     * @param stage where it stopped
     * @param error what failed, naming the model and the cause, never a key
     */
    record Failed(int index, Stage stage, String error) implements ItemResult {
    }
}
