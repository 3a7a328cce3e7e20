package io.github.rembed;

import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.client.TextSpecBuilder;
import io.github.rembed.internal.embed.PerItemEmbedding;
import io.github.rembed.internal.embed.TextChecks;
import io.github.rembed.internal.embed.TextEmbedder;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.jobs.Job;
import io.github.rembed.internal.jobs.Jobs;
import io.github.rembed.internal.runtime.Engine;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Embeds texts from Java with the same engine the SQL functions use: the same requests,
 * retries with backoff and {@code Retry-After}, limits per server shared by the whole process,
 * and the same vectors. Immutable and thread-safe; the {@code with...} methods return a new client.
 *
 * <pre>{@code
 * TextClient client = TextClient.builder(Provider.OPENAI)
 *         .model("text-embedding-3-small")
 *         .url("http://127.0.0.1:8080/v1")
 *         .key(System.getenv("MY_KEY"))
 *         .batchSize(64)
 *         .build();
 * float[] vector = client.embed("hello");
 * }</pre>
 */
public final class TextClient {
    private final ClientSpec spec;
    private final Engine engine;
    private final TextEmbedder embedder;
    private final int maxTextBytes;
    private final ProgressListener listener;

    TextClient(ClientSpec spec, RembedConfig config) {
        this(spec, config.runtime().engine(), config.runtime().engine().embedder(spec), config.maxTextBytes(), null);
    }

    private TextClient(ClientSpec spec, Engine engine, TextEmbedder embedder, int maxTextBytes,
                       ProgressListener listener) {
        this.spec = spec;
        this.engine = engine;
        this.embedder = embedder;
        this.maxTextBytes = maxTextBytes;
        this.listener = listener;
    }

    /**
     * A builder for a client of {@code provider}; each setter checks its argument at once.
     *
     * @param provider who serves the model
     * @return a builder with the provider's defaults
     */
    public static Builder builder(Provider provider) {
        return new Builder(Objects.requireNonNull(provider, "provider"));
    }

    /**
     * This client sending {@code inputType} with every request, as
     * {@code rembed(client, text, input_type)} does: nomic's task_type, cohere's and voyage's
     * input_type, gemini's taskType.
     *
     * @param inputType such as {@code search_query} or {@code search_document}, turned into the
     *                  provider's own name where it differs; other values are sent as given
     * @return a client with the same settings that sends {@code inputType}
     * @throws RembedException when the provider takes no input type, or {@code inputType} is blank
     */
    public TextClient withInputType(String inputType) {
        return new TextClient(spec, engine, engine.embedder(spec, Objects.requireNonNull(inputType, "inputType")),
                maxTextBytes, listener);
    }

    /**
     * This client reporting the progress of {@link #embedAll(List)} and {@link #embedEach(List)}
     * to {@code listener}: once at the start, then after each request.
     *
     * @param listener told of each change, never concurrently
     * @return a client with the same settings that reports to {@code listener}
     */
    public TextClient withProgress(ProgressListener listener) {
        return new TextClient(spec, engine, embedder, maxTextBytes, Objects.requireNonNull(listener, "listener"));
    }

    /**
     * One text's vector, on this thread, retried as the client's requests are.
     *
     * @param text the text, not empty or blank, at most {@link RembedConfig#maxTextBytes()} UTF-8 bytes
     * @return the vector
     * @throws IllegalArgumentException for an unfit text, e.g. "text is empty; nothing was sent"
     * @throws RembedException          when the request fails, naming the client and the cause
     */
    public float[] embed(String text) {
        Objects.requireNonNull(text, "text");
        String problem = TextChecks.problem(text, maxTextBytes);
        if (problem != null) {
            throw new IllegalArgumentException("text " + problem + "; nothing was sent");
        }
        return embedder().embed(List.of(text), new CallStats()).get(0);
    }

    /**
     * One vector per text, in order, sent in requests of the client's batch size, as many at
     * once as {@code max_concurrent_requests} allows on each of the client's servers; the first
     * failed request fails the call. Every text is checked first: an empty, blank or oversized
     * one is refused before any request, naming its index.
     *
     * @param texts the texts, none null, each at most {@link RembedConfig#maxTextBytes()} UTF-8 bytes
     * @return vector {@code i} for text {@code i}
     * @throws NullPointerException     when a text is null
     * @throws IllegalArgumentException for an unfit text, e.g. "texts: item 3 is empty; nothing was sent"
     * @throws RembedException          when a request fails
     */
    public List<float[]> embedAll(List<String> texts) {
        texts.forEach(t -> Objects.requireNonNull(t, "texts must not contain null"));
        try {
            TextChecks.requireAll(texts, maxTextBytes);
        } catch (RembedException e) {
            throw new IllegalArgumentException("texts: " + e.getMessage(), e);
        }
        try (Job job = Jobs.unlisted("embedAll", texts.size(), listener)) {
            return embedder().embed(texts, job.stats());
        }
    }

    /**
     * A result per text, in order, never an exception for one item: result {@code i} is text
     * {@code i}'s vector, or why it has none: {@link Stage#INPUT} for a null, empty, blank or
     * oversized text (no request made), {@link Stage#EMBEDDING} when its request failed (a
     * batch refused for its content is retried text by text, so only the culprit fails), or
     * {@link Stage#CANCELLED} when the thread was interrupted first.
     *
     * @param texts the texts; a null one fails alone
     * @return result {@code i} for text {@code i}
     */
    public List<ItemResult> embedEach(List<String> texts) {
        TextEmbedder open = embedder();
        try (Job job = Jobs.unlisted("embedEach", texts.size(), listener)) {
            return PerItemEmbedding.embed(open, texts, maxTextBytes, "text is null", job);
        }
    }

    /** The embedder, once the runtime is known to be open: a closed runtime's clients, remote or local, all refuse. */
    private TextEmbedder embedder() {
        engine.checkOpen();
        return embedder;
    }

    /**
     * Which model makes the vectors, as {@code provider::model} (e.g. {@code ollama::nomic-embed-text},
     * {@code local::all-minilm-l6-v2}): vectors of two different models do not belong in one index.
     *
     * @return {@code provider::model}
     */
    public String model() {
        return spec.provider().id() + "::" + spec.model();
    }

    /**
     * What the client talks to, for logs and messages.
     *
     * @return provider, model and URLs, never a key
     */
    public String describe() {
        return embedder.spec().describe();
    }

    /**
     * The client for logs.
     *
     * @return {@code TextClient[}{@link #describe()}{@code ]}
     */
    @Override
    public String toString() {
        return "TextClient[" + describe() + "]";
    }

    /**
     * Settings of a {@link TextClient}: a model, where it is served, and how requests are sent.
     * Each setter checks its argument at once and throws {@link IllegalArgumentException}
     * naming it; what depends on several settings (a model required, a provider's own limits)
     * is checked by {@link #build()}. Not thread-safe; {@code build()} may be called again.
     */
    public static final class Builder {
        private final TextSpecBuilder spec;
        private RembedConfig config = RembedConfig.defaults();

        private Builder(Provider provider) {
            this.spec = TextSpecBuilder.forJava(provider.internal());
        }

        /**
         * The model, as the provider names it; required except for {@link Provider#LOCAL}
         * (which has one and ignores it) and {@link Provider#LLAMAFILE} (which serves one).
         *
         * @param model the model name, not blank
         * @return this builder
         * @throws IllegalArgumentException for a blank name
         */
        public Builder model(String model) {
            spec.model(model);
            return this;
        }

        /**
         * Where requests go: the provider's full endpoint or its base URL. Without it, the
         * provider's own endpoint (for Ollama, {@code OLLAMA_HOST}). Several servers that serve
         * the same model may be listed, comma-separated; each request goes to one of them.
         *
         * @param url an {@code http} or {@code https} URL without credentials, or several
         * @return this builder
         * @throws IllegalArgumentException for an empty, malformed or non-HTTP URL, one with
         *                                  credentials, or any URL for {@link Provider#LOCAL}
         */
        public Builder url(String url) {
            spec.url(url);
            return this;
        }

        /**
         * Several servers that serve the same model: each request goes to the least-loaded
         * healthy one, each server under its own limit of {@link #maxConcurrentRequests(int)}.
         *
         * @param urls {@code http} or {@code https} URLs without credentials, at least one
         * @return this builder
         * @throws IllegalArgumentException for an empty list, or a URL refused as {@link #url(String)} refuses it
         */
        public Builder urls(List<String> urls) {
            spec.urls(urls);
            return this;
        }

        /**
         * Requests in flight at once per server, shared by every client of the process that
         * sends to it; 4 by default.
         *
         * @param maxConcurrentRequests from 1 to 256
         * @return this builder
         * @throws IllegalArgumentException for a number out of range
         */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            spec.maxConcurrentRequests(maxConcurrentRequests);
            return this;
        }

        /**
         * An adaptive limit of requests in flight per server (SQL's {@code 'auto'}): it starts
         * at 4, grows while replies come back well and shrinks when a server is overloaded,
         * within 1 to 256.
         *
         * @return this builder
         */
        public Builder adaptiveConcurrency() {
            spec.adaptiveConcurrency();
            return this;
        }

        /**
         * The vector length asked of the model; by default the model's own. Only OpenAI-style
         * and Ollama servers take it: {@link #build()} refuses it for other providers.
         *
         * @param dimensions from 1 to 65536
         * @return this builder
         * @throws IllegalArgumentException for a number out of range
         */
        public Builder dimensions(int dimensions) {
            spec.dimensions(dimensions);
            return this;
        }

        /**
         * How OpenAI-style servers send vectors: {@code float} or {@code base64} (the default
         * for OpenAI and Azure, a quarter of the bytes). A reply in numbers is read either way;
         * {@link #build()} refuses it for servers that are not OpenAI-style.
         *
         * @param encodingFormat {@code float} or {@code base64}, in any case
         * @return this builder
         * @throws IllegalArgumentException for any other value
         */
        public Builder encodingFormat(String encodingFormat) {
            spec.encodingFormat(encodingFormat);
            return this;
        }

        /**
         * The API key, sent to this client's servers only. Without it, the provider's key
         * variable (such as {@code OPENAI_API_KEY}) is used, and only when requests go to the
         * provider's own host.
         *
         * @param key the key, not blank
         * @return this builder
         * @throws IllegalArgumentException for a blank key
         */
        public Builder key(String key) {
            spec.key(key);
            return this;
        }

        /**
         * Texts per request at most; by default the provider's own batch size. Servers that
         * take one text per request (llamafile) ignore it.
         *
         * @param batchSize from 1 to 2048; {@link #build()} refuses more than the provider's own limit
         * @return this builder
         * @throws IllegalArgumentException for a number out of range
         */
        public Builder batchSize(int batchSize) {
            spec.batchSize(batchSize);
            return this;
        }

        /**
         * The deadline of each request, the whole exchange included; 30 seconds by default. A
         * request over it is retried like a failed one.
         *
         * @param timeout from 1 second to 1 hour
         * @return this builder
         * @throws IllegalArgumentException for a timeout out of range
         */
        public Builder requestTimeout(Duration timeout) {
            spec.requestTimeout(timeout);
            return this;
        }

        /**
         * Where key variables and {@code OLLAMA_HOST} are read, and the text size limit;
         * {@link RembedConfig#defaults()} (the process environment) by default.
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
         * @throws IllegalArgumentException when a required setting is missing, such as the model,
         *                                  or settings do not fit the provider
         */
        public TextClient build() {
            return new TextClient(spec(config), config);
        }

        /** These settings as a client row's options (see {@link RembedConfig.Builder#client(String, Builder)}). */
        String options() {
            return spec.toOptions();
        }

        ClientSpec spec(RembedConfig with) {
            return spec.build(with.environment());
        }
    }
}
