package io.github.rembed;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Immutable settings for one registration.
 *
 * @param fileRoot      directory below which {@code readfile} may read; {@code null} means no file access
 * @param maxFileBytes  largest file {@code readfile} will read, and largest image accepted in any form
 * @param maxTextBytes  largest single text (UTF-8 bytes) sent to an embedding model, captions included
 * @param maxBatchItems largest JSON array accepted by the batch functions
 * @param environment   where provider variables ({@code OPENAI_API_KEY}, {@code OLLAMA_HOST}) are read;
 *                      the process environment by default
 */
public record RembedConfig(Path fileRoot, long maxFileBytes, int maxTextBytes, int maxBatchItems,
                           Function<String, String> environment) {

    public static final long DEFAULT_MAX_FILE_BYTES = 32L * 1024 * 1024;
    public static final int DEFAULT_MAX_TEXT_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_BATCH_ITEMS = 100_000;

    public RembedConfig {
        if (maxFileBytes <= 0 || maxTextBytes <= 0 || maxBatchItems <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        fileRoot = fileRoot == null ? null : fileRoot.toAbsolutePath().normalize();
        environment = environment == null ? System::getenv : environment;
    }

    /** The library default: every limit at its default, no file access. */
    public static RembedConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().fileRoot(fileRoot).maxFileBytes(maxFileBytes)
                .maxTextBytes(maxTextBytes).maxBatchItems(maxBatchItems).environment(environment);
    }

    public static final class Builder {
        private Path fileRoot;
        private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
        private int maxTextBytes = DEFAULT_MAX_TEXT_BYTES;
        private int maxBatchItems = DEFAULT_MAX_BATCH_ITEMS;
        private Function<String, String> environment;

        public Builder fileRoot(Path root) {
            this.fileRoot = root;
            return this;
        }

        public Builder maxFileBytes(long bytes) {
            this.maxFileBytes = bytes;
            return this;
        }

        public Builder maxTextBytes(int bytes) {
            this.maxTextBytes = bytes;
            return this;
        }

        public Builder maxBatchItems(int items) {
            this.maxBatchItems = items;
            return this;
        }

        /** Reads provider variables from this lookup instead of the process environment. */
        public Builder environment(Function<String, String> lookup) {
            this.environment = lookup;
            return this;
        }

        public RembedConfig build() {
            return new RembedConfig(fileRoot, maxFileBytes, maxTextBytes, maxBatchItems, environment);
        }
    }

    @Override
    public String toString() {
        return "RembedConfig[fileRoot=" + Objects.toString(fileRoot, "none") + ", maxFileBytes=" + maxFileBytes
                + ", maxTextBytes=" + maxTextBytes + ", maxBatchItems=" + maxBatchItems + "]";
    }
}
