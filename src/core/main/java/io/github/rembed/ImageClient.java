package io.github.rembed;

import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.client.MultimodalSpec;
import io.github.rembed.internal.client.TextSpecBuilder;
import io.github.rembed.internal.client.VisionSpecBuilder;
import io.github.rembed.internal.concurrency.LimitSpec;
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

    /**
     * One image to the embedding of its caption, on this thread.
     *
     * @param image PNG, JPEG, GIF, WebP or BMP bytes, at most {@link RembedConfig#maxFileBytes()}
     * @return the embedding of the vision model's caption
     * @throws RembedException when the image is refused or a stage fails, the message starting
     *                         with the stage ({@code input: not an image ...}, {@code vision: ...},
     *                         {@code embedding: ...}); when the thread is interrupted, {@code cancelled: ...}
     *                         with the interrupt left set
     */
    public float[] embed(byte[] image) {
        Objects.requireNonNull(image, "image");
        return pipeline.embedOne(input(image), Cancellation.NEVER);
    }

    /**
     * One image file to the embedding of its caption, as {@link #embed(byte[])}.
     *
     * @param image a regular file of at most {@link RembedConfig#maxFileBytes()} (the
     *              configuration's {@code fileRoot} confines SQL's {@code readfile} only)
     * @return the embedding of the vision model's caption
     * @throws RembedException when the file cannot be read ({@code cannot read image ...}), or as {@link #embed(byte[])}
     */
    public float[] embed(Path image) {
        return embed(read(image));
    }

    /**
     * Every image, many at once, with the client's limits; failures are items, not exceptions.
     * Interrupting the thread cancels the call: the unfinished items fail as {@link Stage#CANCELLED}.
     *
     * @param images the images; a {@code null}, oversized or undecodable one fails alone as {@link Stage#INPUT}
     * @return result {@code i} for image {@code i}, and the call's stats
     */
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
     * Streams {@code images}: each result goes to {@code onResult} (on this thread, so it needs
     * no locking) as it completes, in completion order, carrying its input index. Returns when
     * every image pulled has its result. An exception thrown by {@code onResult} stops the call
     * and is thrown from here.
     *
     * @param images   pulled lazily, never more than {@link #window()} ahead of the results; a
     *                 {@code null}, oversized or undecodable image fails alone as {@link Stage#INPUT}
     * @param onResult receives each item's result once
     * @return the call's stats
     */
    public BatchStats embedEach(Iterator<byte[]> images, Consumer<? super ItemResult> onResult) {
        return embedEach(images, onResult, () -> false);
    }

    /**
     * As {@link #embedEach(Iterator, Consumer)}, cancelled as soon as {@code stop} is true: no
     * more images are pulled and unfinished items are delivered as {@link Stage#CANCELLED}.
     *
     * @param images   pulled lazily, as for {@link #embedEach(Iterator, Consumer)}
     * @param onResult receives each item's result once
     * @param stop     asked on this thread every few milliseconds
     * @return the call's stats
     */
    public BatchStats embedEach(Iterator<byte[]> images, Consumer<? super ItemResult> onResult, BooleanSupplier stop) {
        Objects.requireNonNull(stop, "stop");
        Iterator<ImageInput> inputs = map(images, b -> b == null ? ImageInput.invalid("image is null") : input(b));
        return stream(Progress.UNKNOWN, inputs, onResult, stop::getAsBoolean);
    }

    /**
     * As {@link #embedEach(Iterator, Consumer)}, pulling from {@code images}' iterator.
     *
     * @param images   pulled lazily, as for {@link #embedEach(Iterator, Consumer)}
     * @param onResult receives each item's result once
     * @return the call's stats
     */
    public BatchStats embedEach(Stream<byte[]> images, Consumer<? super ItemResult> onResult) {
        return embedEach(images.iterator(), onResult);
    }

    /**
     * Streams image files as {@link #embedEach(Iterator, Consumer)} streams bytes, each file read
     * only when its turn comes.
     *
     * @param files    the files; one that cannot be read, is not a regular file or is over
     *                 {@link RembedConfig#maxFileBytes()} is an {@link Stage#INPUT} failure of its item
     * @param onResult receives each item's result once
     * @return the call's stats
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

    /**
     * Most items outstanding at once while streaming: pulled from the source, result not yet
     * delivered. Twice {@link #imagesHeld()}, so it follows an adaptive limit.
     *
     * @return the number of items, as the limits are now
     */
    public int window() {
        return pipeline.window();
    }

    /**
     * Most images whose bytes are held at once while streaming, as the limits are now: the
     * vision servers' limits added up plus {@code batch_size} ({@code max_concurrent_requests +
     * batch_size} for one server with a fixed limit).
     *
     * @return the number of images, as the limits are now
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

    /**
     * What the client talks to, for logs and messages.
     *
     * @return the vision and embedding models and their URLs, never a key
     */
    public String describe() {
        return spec.describe();
    }

    /**
     * The client for logs.
     *
     * @return {@code ImageClient[}{@link #describe()}{@code ]}
     */
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

    /**
     * Settings of an {@link ImageClient}: the vision model and its servers, the text client
     * for the captions, and the pipeline's limits. Each setter checks its argument at once and
     * throws {@link IllegalArgumentException} naming it. Not thread-safe; {@link #build()} may
     * be called again for another client.
     *
     * <p>Without {@link #embedding(TextClient.Builder)}, captions are embedded as a
     * {@code rembed_multimodal_client_options(...)} row without {@code embedding_model} would:
     * by the vision provider's embedding model on the vision servers, with the same key, the
     * same {@code maxConcurrentRequests} (or adaptive limit), batch size and timeout.
     */
    public static final class Builder {
        private final VisionSpecBuilder vision;
        /** The default caption side; it checks the settings both sides share, so each rule lives in one place. */
        private final TextSpecBuilder sameServers;
        private TextClient.Builder embedding;
        private LimitSpec limit;
        private Duration requestTimeout = Duration.ofSeconds(MultimodalSpec.DEFAULT_TIMEOUT_SEC);
        private int batchSize = MultimodalSpec.DEFAULT_BATCH_SIZE;
        private RembedConfig config = RembedConfig.defaults();

        private Builder(Provider visionProvider, String visionModel) {
            this.vision = argument(null, () -> new VisionSpecBuilder(visionProvider.internal(), visionModel));
            this.sameServers = TextSpecBuilder.forJava(visionProvider.internal())
                    .model(visionProvider == Provider.OPENAI ? "text-embedding-3-small" : "nomic-embed-text")
                    .requestTimeout(requestTimeout).batchSize(batchSize);
        }

        /**
         * The vision server: the provider's base URL or full endpoint; several that serve the
         * same model may be listed, comma-separated. Without it, the provider's own server (for
         * Ollama, {@code OLLAMA_HOST}, else {@code http://localhost:11434}).
         *
         * @param url an {@code http} or {@code https} URL without credentials, or several
         * @return this builder
         * @throws IllegalArgumentException for an empty, malformed or non-HTTP URL, or one with credentials
         */
        public Builder visionUrl(String url) {
            argument("visionUrl", () -> vision.url(url));
            sameServers.url(url);
            return this;
        }

        /**
         * Several vision servers that serve the same model: each image goes to the least-loaded
         * healthy one, each server under its own limit of {@link #maxConcurrentRequests(int)}.
         *
         * @param urls {@code http} or {@code https} URLs without credentials, at least one
         * @return this builder
         * @throws IllegalArgumentException for an empty list, or an empty, malformed or non-HTTP URL
         */
        public Builder visionUrls(List<String> urls) {
            argument("visionUrls", () -> vision.urls(urls));
            sameServers.urls(urls);
            return this;
        }

        /**
         * The vision server's API key, sent to the vision servers only (and to the default
         * embedding side, which uses the same servers). Without it, {@code OPENAI_API_KEY} is
         * used for OpenAI's own host.
         *
         * @param key the key, not blank
         * @return this builder
         * @throws IllegalArgumentException for a blank key
         */
        public Builder visionKey(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("visionKey must not be empty");
            }
            vision.key(key);
            sameServers.key(key);
            return this;
        }

        /**
         * The instruction sent with every image; by default
         * {@code "Describe this image in one detailed paragraph."}
         *
         * @param prompt the prompt, not blank
         * @return this builder
         * @throws IllegalArgumentException for a blank prompt
         */
        public Builder visionPrompt(String prompt) {
            if (prompt == null || prompt.isBlank()) {
                throw new IllegalArgumentException("visionPrompt must not be empty");
            }
            vision.prompt(prompt);
            return this;
        }

        /**
         * The text client that embeds each caption, with its own servers, key and limits (list
         * several servers with {@link TextClient.Builder#urls(List)}). Without it, the vision
         * provider's embedding model ({@code nomic-embed-text} for Ollama,
         * {@code text-embedding-3-small} for OpenAI) on the vision servers.
         *
         * @param embedding the text client's settings, read when {@link #build()} is called
         * @return this builder
         */
        public Builder embedding(TextClient.Builder embedding) {
            this.embedding = Objects.requireNonNull(embedding, "embedding");
            return this;
        }

        /**
         * Images described at once per vision server, a limit shared by every client and
         * connection of the process that sends there; 4 by default.
         *
         * @param maxConcurrentRequests from 1 to 256
         * @return this builder
         * @throws IllegalArgumentException for a number out of range
         */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            sameServers.maxConcurrentRequests(maxConcurrentRequests);
            this.limit = LimitSpec.fixed(maxConcurrentRequests);
            return this;
        }

        /**
         * An adaptive limit of images described at once per vision server (SQL's
         * {@code max_concurrent_requests = 'auto'}): it starts at 4, grows while replies come
         * back well and shrinks when a server is overloaded, within 1 to 256.
         *
         * @return this builder
         */
        public Builder adaptiveConcurrency() {
            sameServers.adaptiveConcurrency();
            this.limit = LimitSpec.auto();
            return this;
        }

        /**
         * The deadline of each request, vision and embedding alike; 30 seconds by default.
         * A request over it fails its item after the client's retries.
         *
         * @param timeout from 1 second to 1 hour
         * @return this builder
         * @throws IllegalArgumentException for a timeout out of range
         */
        public Builder requestTimeout(Duration timeout) {
            sameServers.requestTimeout(timeout);
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * Captions per embedding request at most; 10 by default. Captions are sent as they
         * are ready, so a request may carry fewer.
         *
         * @param batchSize from 1 to 2048
         * @return this builder
         * @throws IllegalArgumentException for a number out of range
         */
        public Builder batchSize(int batchSize) {
            sameServers.batchSize(batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Where key variables and {@code OLLAMA_HOST} are read, and the size limits on images
         * and captions; {@link RembedConfig#defaults()} by default.
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
         * @throws IllegalArgumentException when the embedding side's settings are refused, such as
         *                                  a text client without a model
         */
        public ImageClient build() {
            return new ImageClient(spec(config), config);
        }

        MultimodalSpec spec(RembedConfig with) {
            var visionSpec = vision.timeout(requestTimeout).build(with.environment());
            ClientSpec text = embedding != null ? embedding.spec(with) : sameServers.build(with.environment());
            int fixed = limit == null || limit.adaptive() ? MultimodalSpec.DEFAULT_MAX_CONCURRENT : limit.fixed();
            return new MultimodalSpec(visionSpec, text, fixed, requestTimeout, batchSize, limit);
        }

        /** Library checks report {@link RembedException}; a builder's callers expect argument exceptions naming the argument. */
        private static <T> T argument(String name, java.util.function.Supplier<T> check) {
            try {
                return check.get();
            } catch (RembedException e) {
                throw new IllegalArgumentException(name == null ? e.getMessage() : name + ": " + e.getMessage(), e);
            }
        }
    }
}
