package io.github.rembed.client;

import io.github.rembed.RembedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private final Provider provider;
    private final boolean sqlNames;
    private String model;
    private String url;
    private String key;
    private Integer batchSize;
    private Duration timeout = ClientSpec.DEFAULT_TIMEOUT;

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

    /** Where requests go: the full endpoint or the provider's base URL, as for SQL clients. */
    public TextSpecBuilder url(String url) {
        if (provider == Provider.LOCAL) {
            throw invalid("the local model takes no url");
        }
        if (url == null || url.isBlank()) {
            throw invalid("url must not be empty");
        }
        try {
            this.url = Endpoints.checked(url);
        } catch (RembedException e) {
            throw invalid(e.getMessage());
        }
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
        if (url != null) {
            pairs.addAll(List.of("url", url));
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
        String endpoint = Endpoints.embedding(provider, url, modelName, environment);
        int batch = provider.wire(endpoint).oneTextPerRequest() ? 1
                : batchSize == null ? provider.defaultBatchSize() : withinProviderLimit(batchSize);
        Keys.Choice choice = provider == Provider.LOCAL ? Keys.Choice.NONE
                : Keys.choose(provider, endpoint, key, environment);
        return new ClientSpec(provider, modelName, endpoint, choice.key(), choice.missing(), batch, timeout);
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
