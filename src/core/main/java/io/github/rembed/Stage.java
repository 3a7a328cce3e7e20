package io.github.rembed;

import java.util.Locale;

/** Where an image's trip through the pipeline stopped. */
public enum Stage {
    /** The item was not an image (or not decodable); no request was made for it. */
    INPUT,
    /** The vision model could not caption it. */
    VISION,
    /** The caption could not be embedded. */
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
