package io.github.rembed;

import io.github.rembed.internal.runtime.Engine;

/**
 * What rembed's calls share: one HTTP client and its threads, the model servers with their
 * concurrency limits and health, the clients built from settings, the image caches and the
 * list of running jobs ({@code rembed_jobs()}). Every connection registered with the same
 * runtime, and every {@link TextClient} and {@link ImageClient} made with it, shares these;
 * a server's limit holds across all of them.
 *
 * <p>Most applications never name one: {@link #shared()} serves every registration whose
 * {@link RembedConfig} names none. A runtime of its own gives a part of an application (or a
 * test) its own limits, caches and jobs:
 *
 * <pre>{@code
 * try (RembedRuntime runtime = RembedRuntime.builder().embeddingCacheBytes(256L << 20).build()) {
 *     Rembed.register(conn, RembedConfig.builder().runtime(runtime).build());
 *     ...
 * }
 * }</pre>
 *
 * <p>Kept process-wide whatever the runtime, on purpose: the list of secrets scrubbed from
 * messages (a key must never show, whichever runtime's error carries it) and the memory budget
 * of replies being read (the heap is the process's).
 *
 * <p>Thread-safe.
 */
public final class RembedRuntime implements AutoCloseable {
    /** Default for {@link Builder#maxClients(int)}. */
    public static final int DEFAULT_MAX_CLIENTS = 256;
    /** Default for {@link Builder#captionCacheBytes(long)}: 16 MiB. */
    public static final long DEFAULT_CAPTION_CACHE_BYTES = 16L << 20;
    /** Default for {@link Builder#embeddingCacheBytes(long)}: 64 MiB. */
    public static final long DEFAULT_EMBEDDING_CACHE_BYTES = 64L << 20;

    private final Engine engine;
    private final boolean shared;

    private RembedRuntime(Engine engine, boolean shared) {
        this.engine = engine;
        this.shared = shared;
    }

    private static final class Shared {
        static final RembedRuntime INSTANCE = new RembedRuntime(new Engine(DEFAULT_MAX_CLIENTS,
                DEFAULT_CAPTION_CACHE_BYTES, DEFAULT_EMBEDDING_CACHE_BYTES), true);
    }

    /**
     * The runtime of every registration and client whose configuration names none, made at
     * first use with the defaults; it lives as long as the process.
     *
     * @return the shared runtime
     */
    public static RembedRuntime shared() {
        return Shared.INSTANCE;
    }

    /**
     * A builder for a runtime of its own.
     *
     * @return a builder with every setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Bytes the caption and embedding caches of image calls hold now, by their own estimate.
     *
     * @return the bytes held
     */
    public long cachedBytes() {
        return engine.pipelines().cachedBytes();
    }

    /** Empties the caption and embedding caches: the next repeated image or caption costs a request again. */
    public void clearCaches() {
        engine.pipelines().clearCaches();
    }

    /**
     * Worker tasks of this runtime's calls running right now; zero whenever no call is in
     * progress, whatever way the calls ended.
     *
     * @return the number of worker tasks running
     */
    public int activeWorkers() {
        return engine.liveWorkers();
    }

    /**
     * Stops the runtime's threads and empties its caches. Requests in flight fail; calls
     * made afterwards through its connections and text clients fail with a {@link RembedException}
     * saying the runtime is closed (an image client reports it for each image). Closing it again
     * does nothing.
     *
     * @throws UnsupportedOperationException on {@link #shared()}, which lives as long as the process
     */
    @Override
    public void close() {
        if (shared) {
            throw new UnsupportedOperationException("the shared rembed runtime lives as long as the process");
        }
        engine.close();
    }

    Engine engine() {
        return engine;
    }

    @Override
    public String toString() {
        return shared ? "RembedRuntime[shared]" : "RembedRuntime@" + Integer.toHexString(hashCode());
    }

    /** Settings of a runtime; each setter checks its argument at once. */
    public static final class Builder {
        private int maxClients = DEFAULT_MAX_CLIENTS;
        private long captionCacheBytes = DEFAULT_CAPTION_CACHE_BYTES;
        private long embeddingCacheBytes = DEFAULT_EMBEDDING_CACHE_BYTES;

        private Builder() {
        }

        /**
         * How many text clients (and, apart, how many vision clients) the runtime keeps built
         * with their connections; the least recently used beyond that are rebuilt when next
         * used. Servers no kept client or running call uses are forgotten beyond the same count.
         *
         * @param count at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code count} is less than 1
         */
        public Builder maxClients(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxClients must be at least 1, got " + count);
            }
            this.maxClients = count;
            return this;
        }

        /**
         * Bytes of captions kept, so that an image seen again is not sent to the vision model again.
         *
         * @param bytes 0 (no caption cache) or more
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is negative
         */
        public Builder captionCacheBytes(long bytes) {
            this.captionCacheBytes = nonNegative("captionCacheBytes", bytes);
            return this;
        }

        /**
         * Bytes of caption embeddings kept, so that a caption seen again is not embedded again.
         *
         * @param bytes 0 (no embedding cache) or more
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is negative
         */
        public Builder embeddingCacheBytes(long bytes) {
            this.embeddingCacheBytes = nonNegative("embeddingCacheBytes", bytes);
            return this;
        }

        /**
         * A new runtime; close it when done with it.
         *
         * @return the runtime
         */
        public RembedRuntime build() {
            return new RembedRuntime(new Engine(maxClients, captionCacheBytes, embeddingCacheBytes), false);
        }

        private static long nonNegative(String name, long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException(name + " must not be negative, got " + bytes);
            }
            return bytes;
        }
    }
}
