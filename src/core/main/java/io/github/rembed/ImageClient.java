package io.github.rembed;

import io.github.rembed.internal.client.MultimodalSpec;
import io.github.rembed.internal.client.VisionSpecBuilder;
import io.github.rembed.internal.jobs.Job;
import io.github.rembed.internal.jobs.Jobs;
import io.github.rembed.internal.pipeline.Cancellation;
import io.github.rembed.internal.pipeline.ImageInput;
import io.github.rembed.internal.pipeline.ImagePipeline;
import io.github.rembed.internal.files.FileRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Embeds images from Java with the engine {@code rembed_images_concurrent} uses: each image
 * is captioned by the vision model and the caption embedded, many at once, with the
 * client's limits, retries and its runtime's caches ({@link RembedConfig#runtime()}). Thread-safe.
 *
 * <p>Streaming: {@link #embedEach(Iterator, Consumer)} pulls images lazily and hands each
 * result to the consumer as soon as it is ready, holding the bytes of at most
 * {@link #imagesHeld()} images and at most {@link #window()} unfinished items at a time, so a
 * source of any length runs in bounded memory. Interrupting the calling thread
 * (or the {@code stop} condition) cancels: no more images are pulled, requests in flight are
 * stopped and reported as {@link Stage#CANCELLED}.
 */
public final class ImageClient {
    private final MultimodalSpec spec;
    private final ImagePipeline pipeline;
    private final long maxImageBytes;
    private final ProgressListener listener;

    ImageClient(MultimodalSpec spec, RembedConfig config) {
        this(spec, config.runtime().engine().pipeline(spec, config.maxTextBytes()), config.maxFileBytes(), null);
    }

    private ImageClient(MultimodalSpec spec, ImagePipeline pipeline, long maxImageBytes, ProgressListener listener) {
        this.spec = spec;
        this.pipeline = pipeline;
        this.maxImageBytes = maxImageBytes;
        this.listener = listener;
    }

    /**
     * This client reporting the progress of {@link #embedAll(List)}, the {@code embedEach}
     * streams and {@link #embedFiles(Stream, Consumer)} to {@code listener}: at the start, after
     * each image's result and at each retry. A stream's {@link Progress#total()} is
     * {@link Progress#UNKNOWN}.
     *
     * @param listener told of each change, never concurrently
     * @return a client with the same settings that reports to {@code listener}
     */
    public ImageClient withProgress(ProgressListener listener) {
        return new ImageClient(spec, pipeline, maxImageBytes, Objects.requireNonNull(listener, "listener"));
    }

    /**
     * A builder for an image client whose vision model is {@code visionModel} of
     * {@code visionProvider} ({@link Provider#OLLAMA} or {@link Provider#OPENAI}).
     *
     * @param visionProvider who serves the vision model
     * @param visionModel    the vision model, e.g. {@code llava:7b} or {@code gpt-4o-mini}
     * @return a builder with the documented defaults
     * @throws IllegalArgumentException when the provider has no vision models or the model is blank
     */
    public static Builder builder(Provider visionProvider, String visionModel) {
        return new Builder(Objects.requireNonNull(visionProvider, "visionProvider"), visionModel);
    }

    /** One image (PNG, JPEG, GIF, WebP or BMP bytes, at most the file size limit) to the embedding of its caption. */
    public float[] embed(byte[] image) {
        Objects.requireNonNull(image, "image");
        return pipeline.embedOne(input(image), Cancellation.NEVER);
    }

    public float[] embed(Path image) {
        return embed(read(image));
    }

    /** Every image, result {@code i} for image {@code i}; failures are items, not exceptions. */
    public BatchResult embedAll(List<byte[]> images) {
        List<ImageInput> inputs = new ArrayList<>(images.size());
        for (byte[] image : images) {
            inputs.add(image == null ? ImageInput.invalid("image is null") : input(image));
        }
        try (Job job = Jobs.unlisted("ImageClient", inputs.size(), listener)) {
            return pipeline.run(inputs, Cancellation.NEVER, job, job::count);
        }
    }

    /**
     * Streams {@code images}: each result goes to {@code onResult} (on this thread) as it
     * completes, in completion order, carrying its input index. Returns when every image
     * pulled has its result.
     */
    public BatchStats embedEach(Iterator<byte[]> images, Consumer<? super ItemResult> onResult) {
        return embedEach(images, onResult, () -> false);
    }

    /** As {@link #embedEach(Iterator, Consumer)}, cancelled as soon as {@code stop} is true. */
    public BatchStats embedEach(Iterator<byte[]> images, Consumer<? super ItemResult> onResult, BooleanSupplier stop) {
        Objects.requireNonNull(stop, "stop");
        Iterator<ImageInput> inputs = map(images, b -> b == null ? ImageInput.invalid("image is null") : input(b));
        return stream(Progress.UNKNOWN, inputs, onResult, stop::getAsBoolean);
    }

    public BatchStats embedEach(Stream<byte[]> images, Consumer<? super ItemResult> onResult) {
        return embedEach(images.iterator(), onResult);
    }

    /**
     * Streams image files, each read only when its turn comes; a file that cannot be read, is
     * not a regular file or is over the file size limit is an {@link Stage#INPUT} failure of
     * its item.
     */
    public BatchStats embedFiles(Stream<Path> files, Consumer<? super ItemResult> onResult) {
        Iterator<ImageInput> inputs = map(files.iterator(), path -> {
            try {
                return ImageInput.of(read(path));
            } catch (RembedException e) {
                return ImageInput.invalid(e.getMessage());
            }
        });
        return stream(Progress.UNKNOWN, inputs, onResult, Cancellation.NEVER);
    }

    /** Every call goes through here, counted for the listener. */
    private BatchStats stream(long total, Iterator<ImageInput> inputs, Consumer<? super ItemResult> onResult,
                              Cancellation cancel) {
        try (Job job = Jobs.unlisted("ImageClient", total, listener)) {
            return pipeline.stream(inputs, job.counting(onResult), cancel, job);
        }
    }

    /** Most items outstanding at once while streaming: pulled from the source, result not yet delivered. */
    public int window() {
        return pipeline.window();
    }

    /**
     * Most images whose bytes are held at once while streaming, as the limits are now: the
     * vision servers' limits added up plus {@code batch_size} ({@code max_concurrent_requests +
     * batch_size} for one server with a fixed limit).
     */
    public int imagesHeld() {
        return pipeline.imagesHeld();
    }

    /**
     * The model that embeds the captions: it decides which vectors belong together.
     *
     * @return {@code provider::model}, e.g. {@code ollama::nomic-embed-text}
     */
    public String embeddingModel() {
        return spec.embedding().provider().id() + "::" + spec.embedding().model();
    }

    /**
     * The model that captions the images.
     *
     * @return {@code provider::model}, e.g. {@code ollama::llava:7b}
     */
    public String visionModel() {
        return spec.vision().provider().id() + "::" + spec.vision().model();
    }

    /** Vision and embedding models and URLs; never the key. */
    public String describe() {
        return spec.describe();
    }

    @Override
    public String toString() {
        return "ImageClient[" + describe() + "]";
    }

    private ImageInput input(byte[] image) {
        return image.length > maxImageBytes
                ? ImageInput.invalid("image of " + image.length + " bytes is larger than the " + maxImageBytes
                        + "-byte limit")
                : ImageInput.of(image);
    }

    private byte[] read(Path path) {
        try {
            return FileRoot.readRegularFile(path, maxImageBytes);
        } catch (RembedException e) {
            throw new RembedException("cannot read image " + path + ": " + e.getMessage());
        }
    }

    private static <T> Iterator<ImageInput> map(Iterator<T> source, java.util.function.Function<T, ImageInput> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public ImageInput next() {
                return f.apply(source.next());
            }
        };
    }

    /** Settings of an {@link ImageClient}: the vision model, the text client for captions, and the pipeline's limits. */
    public static final class Builder {
        private final Provider visionProvider;
        private final VisionSpecBuilder vision;
        private TextClient.Builder embedding;
        private int maxConcurrentRequests = MultimodalSpec.DEFAULT_MAX_CONCURRENT;
        private Duration requestTimeout = Duration.ofSeconds(MultimodalSpec.DEFAULT_TIMEOUT_SEC);
        private int batchSize = MultimodalSpec.DEFAULT_BATCH_SIZE;
        private RembedConfig config = RembedConfig.defaults();

        private Builder(Provider visionProvider, String visionModel) {
            this.visionProvider = visionProvider;
            this.vision = argument(() -> new VisionSpecBuilder(visionProvider.internal(), visionModel));
        }

        /**
         * The vision server: the provider's base URL or full endpoint. Without it, the provider's
         * own (for Ollama, {@code OLLAMA_HOST}).
         *
         * @param url an {@code http} or {@code https} URL without credentials
         * @return this builder
         */
        public Builder visionUrl(String url) {
            argument(() -> vision.url(url));
            return this;
        }

        /**
         * The vision server's API key.
         *
         * @param key the key, not blank
         * @return this builder
         */
        public Builder visionKey(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("visionKey must not be empty");
            }
            vision.key(key);
            return this;
        }

        /**
         * The instruction sent with every image.
         *
         * @param prompt the prompt, not blank
         * @return this builder
         */
        public Builder visionPrompt(String prompt) {
            if (prompt == null || prompt.isBlank()) {
                throw new IllegalArgumentException("visionPrompt must not be empty");
            }
            vision.prompt(prompt);
            return this;
        }

        /**
         * The text client that embeds each caption. Without it, the vision provider's default
         * embedding model ({@code nomic-embed-text} or {@code text-embedding-3-small}) on the
         * same server with the same key.
         *
         * @param embedding the text client's settings
         * @return this builder
         */
        public Builder embedding(TextClient.Builder embedding) {
            this.embedding = Objects.requireNonNull(embedding, "embedding");
            return this;
        }

        /**
         * Images described at once, per endpoint, across all connections and clients.
         *
         * @param maxConcurrentRequests from 1 to 256
         * @return this builder
         */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            if (maxConcurrentRequests < 1 || maxConcurrentRequests > MultimodalSpec.MAX_CONCURRENT) {
                throw new IllegalArgumentException("maxConcurrentRequests must be from 1 to "
                        + MultimodalSpec.MAX_CONCURRENT + ", got " + maxConcurrentRequests);
            }
            this.maxConcurrentRequests = maxConcurrentRequests;
            return this;
        }

        /**
         * The deadline of each vision request.
         *
         * @param timeout from 1 second to 1 hour
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "requestTimeout");
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("requestTimeout must be from 1 second to 1 hour, got " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * Captions per embedding request at most.
         *
         * @param batchSize from 1 to 2048
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 2048) {
                throw new IllegalArgumentException("batchSize must be from 1 to 2048, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Where key variables and {@code OLLAMA_HOST} are read; the process environment by default.
         *
         * @param config the configuration
         * @return this builder
         */
        public Builder config(RembedConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * The client.
         *
         * @return a client ready to use
         */
        public ImageClient build() {
            var visionSpec = vision.timeout(requestTimeout).build(config.environment());
            TextClient.Builder text = embedding != null ? embedding : defaultEmbedding(visionSpec.baseUrl(), visionSpec.key());
            return new ImageClient(new MultimodalSpec(visionSpec, text.spec(config), maxConcurrentRequests,
                    requestTimeout, batchSize), config);
        }

        private TextClient.Builder defaultEmbedding(String url, String key) {
            TextClient.Builder text = TextClient.builder(visionProvider)
                    .model(visionProvider == Provider.OPENAI ? "text-embedding-3-small" : "nomic-embed-text")
                    .url(url).batchSize(batchSize).requestTimeout(requestTimeout);
            return key == null ? text : text.key(key);
        }

        /** Library checks report {@link RembedException}; a builder's callers expect argument exceptions. */
        private static <T> T argument(java.util.function.Supplier<T> check) {
            try {
                return check.get();
            } catch (RembedException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
