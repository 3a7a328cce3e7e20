package io.github.rembed;

/**
 * What became of input {@link #index()}: an {@link Embedded} or a {@link Failed}, never both.
 * Switch over it:
 *
 * <pre>{@code
 * switch (result) {
 *     case ItemResult.Embedded e -> store(e.index(), e.vector());
 *     case ItemResult.Failed f -> log(f.index(), f.stage(), f.error());
 * }
 * }</pre>
 */
public sealed interface ItemResult {
    /**
     * Position of the item in the input.
     *
     * @return the index, from 0
     */
    int index();

    /**
     * The item's embedding (for an image, its caption's).
     *
     * @param index   position of the item in the input
     * @param vector  the embedding, the client's array itself (not copied)
     * @param caption for an image, the vision model's caption that was embedded; {@code null} for a text
     */
    record Embedded(int index, float[] vector, String caption) implements ItemResult {
        /**
         * A text's embedding.
         *
         * @param index  position of the item in the input
         * @param vector the embedding
         */
        public Embedded(int index, float[] vector) {
            this(index, vector, null);
        }
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
