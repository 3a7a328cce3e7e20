package io.github.rembed;

/** What became of input {@link #index()}: an embedding or an error, never both. */
public sealed interface ItemResult {
    /** Position of the item in the input, from 0. */
    int index();

    /** The caption's embedding. */
    record Embedded(int index, float[] vector) implements ItemResult {
    }

    /** Why the item has no embedding; the message names the model and the cause, never a key. */
    record Failed(int index, Stage stage, String error) implements ItemResult {
    }
}
