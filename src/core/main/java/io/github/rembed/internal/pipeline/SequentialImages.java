package io.github.rembed.internal.pipeline;

import io.github.rembed.RembedException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The "Sequential" baseline ({@code rembed_batch} with a multimodal client): each image is
 * decoded, captioned and embedded before the next one starts; the first failure ends the
 * call, naming its index.
 */
public final class SequentialImages {
    private SequentialImages() {
    }

    /** Item {@link #index()} failed with this message; the items after it were not tried. */
    public static final class ItemFailed extends RembedException {
        private final int index;

        ItemFailed(int index, String message) {
            super(message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    /**
     * Vector {@code i} for item {@code i}, {@code null} for a {@code null} item. {@code decode}
     * turns an item into image bytes when its turn comes; its {@link RembedException} fails
     * that item like a failed request.
     *
     * @throws ItemFailed for the first item that fails
     */
    public static <T> List<float[]> embed(ImagePipeline pipeline, List<T> items, Function<? super T, byte[]> decode,
                                          Cancellation cancel) {
        List<float[]> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item == null) {
                out.add(null);
                continue;
            }
            try {
                out.add(pipeline.embedOne(ImageInput.of(decode.apply(item)), cancel));
            } catch (RembedException e) {
                throw new ItemFailed(i, e.getMessage());
            }
        }
        return out;
    }
}
