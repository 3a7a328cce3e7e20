package io.github.rembed.internal.client;

import java.util.Map;

/** How a provider wants its key sent. */
public enum Auth {
    /** {@code Authorization: Bearer <key>}. */
    BEARER,
    /** Google's {@code x-goog-api-key: <key>}. */
    GOOGLE,
    /** Azure's {@code api-key: <key>}. */
    AZURE;

    /** The headers that carry {@code key}; none without one. */
    public Map<String, String> headers(String key) {
        if (key == null) {
            return Map.of();
        }
        return switch (this) {
            case BEARER -> Map.of("Authorization", "Bearer " + key);
            case GOOGLE -> Map.of("x-goog-api-key", key);
            case AZURE -> Map.of("api-key", key);
        };
    }
}
