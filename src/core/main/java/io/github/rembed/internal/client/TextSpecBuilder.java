package io.github.rembed.internal.client;

import io.github.rembed.RembedException;
import io.github.rembed.internal.concurrency.LimitSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds a {@link ClientSpec} from typed settings, checking each as it is set. The SQL option
 * forms ({@link ClientOptions}) and the Java builder ({@code TextClient.builder}) both go
 * through it, so a client means the same thing however it was described. Messages name the
 * setting the way its caller wrote it: {@code batch_size} for SQL, {@code batchSize} for Java.
 */
public final class TextSpecBuilder {
    static final int MAX_BATCH_SIZE = 2048;
    static final int MAX_TIMEOUT_SEC = 3600;
    /** Highest {@code max_concurrent_requests} a user may give; {@code 'auto'} stays within it too. */
    static final int MAX_CONCURRENT = 256;
    static final int MAX_DIMENSIONS = 65_536;

    private final Provider provider;
    private final boolean sqlNames;
    private String model;
    private List<String> urls;
    private String key;
    private Integer batchSize;
    private Duration timeout = ClientSpec.DEFAULT_TIMEOUT;
    private LimitSpec maxConcurrent;
    private Integer dimensions;
    private String encodingFormat;

    private TextSpecBuilder(Provider provider, boolean sqlNames) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.sqlNames = sqlNames;
    }

    /** A builder whose messages name settings as Java code writes them. */
    public static TextSpecBuilder forJava(Provider provider) {
        return new TextSpecBuilder(provider, false);
    }

    /** A builder whose messages name settings as SQL options write them. */
    static TextSpecBuilder forOptions(Provider provider) {
        return new TextSpecBuilder(provider, true);
    }

    public Provider provider() {
        return provider;
    }

    /** The model as the provider knows it; ignored by the in-process model, which has one. */
    public TextSpecBuilder model(String model) {
        if (model == null || model.isBlank()) {
            throw invalid("model must not be empty");
        }
        this.model = model.trim();
        return this;
    }

    /**
     * Where requests go: the full endpoint or the provider's base URL, as for SQL clients; several
     * model servers that serve the same model may be listed, comma-separated.
     */
    public TextSpecBuilder url(String url) {
        if (provider == Provider.LOCAL) {
            throw invalid("the local model takes no url");
        }
        if (url == null || url.isBlank()) {
            throw invalid("url must not be empty");
        }
        try {
            return urls(Endpoints.list(url));
        } catch (RembedException e) {
            throw invalid(e.getMessage());
        }
    }

    /** Several model servers that serve the same model; each request goes to one of them. */
    public TextSpecBuilder urls(List<String> urls) {
        if (provider == Provider.LOCAL) {
            throw invalid("the local model takes no url");
        }
        if (urls == null || urls.isEmpty()) {
            throw invalid(name("url", "urls") + " must list at least one URL");
        }
        List<String> checked = new ArrayList<>(urls.size());
        for (String u : urls) {
            if (u == null || u.isBlank()) {
                throw invalid("url must not be empty");
            }
            try {
                checked.add(Endpoints.checked(u));
            } catch (RembedException e) {
                throw invalid(e.getMessage());
            }
        }
        this.urls = checked;
        return this;
    }

    /** The API key, sent only to this client's URL. */
    public TextSpecBuilder key(String key) {
        if (key == null || key.isBlank()) {
            throw invalid("key must not be empty");
        }
        this.key = key.trim();
        return this;
    }

    /** Texts per request, from 1 to the provider's own limit (formats that take one text per request ignore it). */
    public TextSpecBuilder batchSize(int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw invalid(name("batch_size", "batchSize") + " must be from 1 to " + MAX_BATCH_SIZE + ", got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /** The deadline of one request, from 1 second to an hour. */
    public TextSpecBuilder requestTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, name("request_timeout_sec", "requestTimeout"));
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofSeconds(MAX_TIMEOUT_SEC)) > 0) {
            throw invalid(name("request_timeout_sec", "requestTimeout")
                    + " must be from 1 second to " + MAX_TIMEOUT_SEC + " seconds, got " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /** Requests in flight at once per server, from 1 to {@value #MAX_CONCURRENT}, shared by the whole process. */
    public TextSpecBuilder maxConcurrentRequests(int n) {
        if (n < 1 || n > MAX_CONCURRENT) {
            throw invalid(name("max_concurrent_requests", "maxConcurrentRequests") + " must be 'auto' or a whole number"
                    + " from 1 to " + MAX_CONCURRENT + ", got " + n);
        }
        this.maxConcurrent = LimitSpec.fixed(n);
        return this;
    }

    /** An adaptive limit per server ({@code 'auto'}): it grows while replies come back well and shrinks on overload. */
    public TextSpecBuilder adaptiveConcurrency() {
        this.maxConcurrent = LimitSpec.auto();
        return this;
    }

    TextSpecBuilder maxConcurrentRequests(LimitSpec limit) {
        return limit.adaptive() ? adaptiveConcurrency() : maxConcurrentRequests(limit.fixed());
    }

    /** The vector length asked of the model, for OpenAI-style and Ollama servers. */
    public TextSpecBuilder dimensions(int dimensions) {
        if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
            throw invalid(name("dimensions", "dimensions") + " must be a whole number from 1 to " + MAX_DIMENSIONS
                    + ", got " + dimensions);
        }
        this.dimensions = dimensions;
        return this;
    }

    /**
     * {@code float} or {@code base64}: how OpenAI-style servers send vectors. OpenAI and Azure
     * default to base64 (a quarter of the bytes of JSON numbers); a reply in numbers is read either way.
     */
    public TextSpecBuilder encodingFormat(String format) {
        String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("float") && !f.equals("base64")) {
            throw invalid(name("encoding_format", "encodingFormat") + " must be 'float' or 'base64', got '" + format + "'");
        }
        this.encodingFormat = f;
        return this;
    }

    /**
     * These settings as the options of a {@code temp.rembed_clients} row, the JSON
     * {@code rembed_client_options} would write: only what was set, so a key variable read
     * from the environment never lands in the row.
     */
    public String toOptions() {
        if (timeout.toMillis() % 1000 != 0) {
            throw invalid("requestTimeout must be whole seconds for a client row, got " + timeout);
        }
        List<Object> pairs = new ArrayList<>(List.of("format", provider.id()));
        if (provider == Provider.LLAMAFILE || model != null && provider != Provider.LOCAL) {
            pairs.addAll(List.of("model", model != null ? model : "llamafile"));
        }
        if (urls != null) {
            pairs.addAll(List.of("url", String.join(",", urls)));
        }
        if (key != null) {
            pairs.addAll(List.of("key", key));
        }
        if (batchSize != null) {
            pairs.addAll(List.of("batch_size", (long) batchSize));
        }
        if (!timeout.equals(ClientSpec.DEFAULT_TIMEOUT)) {
            pairs.addAll(List.of("request_timeout_sec", timeout.toSeconds()));
        }
        if (maxConcurrent != null) {
            pairs.addAll(List.of("max_concurrent_requests",
                    maxConcurrent.adaptive() ? "auto" : (Object) (long) maxConcurrent.fixed()));
        }
        if (dimensions != null) {
            pairs.addAll(List.of("dimensions", (long) dimensions));
        }
        if (encodingFormat != null) {
            pairs.addAll(List.of("encoding_format", encodingFormat));
        }
        return OptionsJson.fromPairs(pairs, ClientOptions.TEXT_KEYS);
    }

    /**
     * The spec: the provider's defaults for what was not set; the key from {@code environment}
     * only when requests go to the provider's own host.
     */
    public ClientSpec build(Function<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        String modelName = model;
        if (provider == Provider.LOCAL) {
            modelName = "all-minilm-l6-v2";
        } else if (provider == Provider.LLAMAFILE && modelName == null) {
            modelName = "llamafile"; // llamafile serves one model and takes no name
        }
        if (modelName == null) {
            throw invalid(sqlNames ? "model must not be empty" : "model is required for " + provider.id());
        }
        List<String> endpoints = endpoints(modelName, environment);
        String endpoint = endpoints.isEmpty() ? null : endpoints.get(0);
        Wire wire = provider.wire(endpoint);
        int batch = wire.oneTextPerRequest() ? 1
                : batchSize == null ? provider.defaultBatchSize() : withinProviderLimit(batchSize);
        Keys.Choice choice = provider == Provider.LOCAL ? Keys.Choice.NONE : key(endpoints, environment);
        if (dimensions != null && wire != Wire.OPENAI && wire != Wire.OLLAMA) {
            throw invalid(name("dimensions", "dimensions") + " is sent to OpenAI-style and Ollama servers only; "
                    + provider.id() + " takes none here");
        }
        return new ClientSpec(provider, modelName, endpoint, choice.key(), choice.missing(), batch, timeout, endpoints,
                maxConcurrent, dimensions, base64(wire));
    }

    /**
     * Every endpoint the url lists, each normalised as a single URL is; the provider's default
     * endpoint when none was given; none for the local model.
     */
    private List<String> endpoints(String modelName, Function<String, String> environment) {
        if (urls == null) {
            String only = Endpoints.embedding(provider, null, modelName, environment);
            return only == null ? List.of() : List.of(only);
        }
        List<String> out = new ArrayList<>();
        for (String one : urls) {
            String u = Endpoints.embedding(provider, one, modelName, environment);
            if (!out.contains(u)) {
                out.add(u);
            }
        }
        for (String u : out) {
            if (provider.wire(u) != provider.wire(out.get(0))) {
                throw invalid("the endpoints in " + (sqlNames ? "'url'" : "urls") + " speak different APIs ("
                        + provider.wire(out.get(0)) + " and " + provider.wire(u) + "); list servers of one kind");
            }
        }
        return out;
    }

    /** An environment key goes only to the provider's own origin: with several endpoints, to all of them or none. */
    private Keys.Choice key(List<String> endpoints, Function<String, String> environment) {
        Keys.Choice first = Keys.choose(provider, endpoints.get(0), key, environment);
        for (String u : endpoints) {
            if (!Keys.choose(provider, u, key, environment).equals(first)) {
                return Keys.Choice.NONE;
            }
        }
        return first;
    }

    /** Whether replies are asked for as base64 float32: see {@link #encodingFormat(String)}. */
    private boolean base64(Wire wire) {
        if (encodingFormat == null) {
            return wire == Wire.OPENAI && (provider == Provider.OPENAI || provider == Provider.AZURE);
        }
        if (wire != Wire.OPENAI) {
            throw invalid(name("encoding_format", "encodingFormat") + " is sent to OpenAI-style servers only; "
                    + provider.id() + " takes none here");
        }
        return encodingFormat.equals("base64");
    }

    private int withinProviderLimit(int requested) {
        if (requested > provider.maxBatchSize()) {
            throw invalid((sqlNames ? "batch_size" : "batchSize") + " for " + provider.id() + " is at most "
                    + provider.maxBatchSize() + ", got " + requested);
        }
        return requested;
    }

    private String name(String option, String argument) {
        return sqlNames ? "option '" + option + "'" : argument;
    }

    /** SQL reports a bad option like any other client error; Java callers get the usual argument exception. */
    private RuntimeException invalid(String message) {
        return sqlNames ? new RembedException(message) : new IllegalArgumentException(message);
    }
}
