package io.github.rembed;

import java.util.Locale;

/** Where an item stopped: an image in the pipeline, or a text of {@code TextClient.embedEach}. */
public enum Stage {
    /** The item was not an image (or not decodable), or not a text that can be sent; no request was made for it. */
    INPUT,
    /** The vision model could not caption it. */
    VISION,
    /** The caption (or the text) could not be embedded. */
    EMBEDDING,
    /** The call was cancelled before the item finished. */
    CANCELLED;

    /**
     * The name used in the SQL JSON.
     *
     * @return {@code input}, {@code vision}, {@code embedding} or {@code cancelled}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
