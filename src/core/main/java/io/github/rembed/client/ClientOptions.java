package io.github.rembed.client;

import io.github.rembed.RembedException;
import io.github.rembed.concurrency.LimitSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses the options of a {@code temp.rembed_clients} row into a {@link ClientSpec}. Every form
 * of sqlite-rembed and its multimodal fork is accepted: {@code 'provider'},
 * {@code 'provider::model'}, {@code 'provider:KEY'}, a JSON object, and
 * {@code rembed_client_options(...)}. Options naming a vision or embedding model describe a
 * multimodal client instead: see {@link #isMultimodal(String)}.
 */
public final class ClientOptions {
    /** Keys of a text client. */
    static final Set<String> TEXT_KEYS = Set.of("format", "model", "url", "key", "batch_size", "request_timeout_sec",
            "max_concurrent_requests", "dimensions", "encoding_format");

    /** Keys accepted by {@code rembed_client_options}: a text client's, and a multimodal client's as the fork writes them. */
    public static final Set<String> KEYS = new LinkedHashSet<>(List.of("format", "model", "url", "key", "batch_size",
            "request_timeout_sec", "embedding_model", "vision_model", "vision_prompt", "max_concurrent_requests",
            "dimensions", "encoding_format"));

    static final int MAX_BATCH_SIZE = 2048;
    /** Highest {@code max_concurrent_requests} a user may give; {@code 'auto'} stays within it too. */
    static final int MAX_CONCURRENT = 256;
    static final int MAX_DIMENSIONS = 65_536;
    static final int MAX_TIMEOUT_SEC = 3600;

    private final Function<String, String> environment;

    /** @param environment where key variables, {@code OLLAMA_HOST} and {@code AZURE_OPENAI_ENDPOINT} are looked up */
    public ClientOptions(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * True when {@code options} describe a multimodal client (they name a {@code vision_model}
     * or an {@code embedding_model}), as the fork registers them in {@code temp.rembed_clients}.
     */
    public static boolean isMultimodal(String options) {
        if (options == null || !options.trim().startsWith("{")) {
            return false;
        }
        try {
            Map<String, String> map = OptionsJson.parseObject(options.trim());
            return map.containsKey("vision_model") || map.containsKey("embedding_model");
        } catch (RembedException e) {
            return false; // parsing it as a text client reports the problem, with the client's name
        }
    }

    /**
     * @param name the row's name, which is the model when the options name none; {@code null}
     *             from Java code that registers no name, where the options must name the model
     */
    public ClientSpec parse(String name, String options) {
        if (name != null && name.isBlank()) {
            throw new RembedException("client name must be non-empty TEXT");
        }
        String who = name == null ? "client" : "client '" + name + "'";
        if (options == null || options.isBlank()) {
            throw new RembedException(who + ": options are empty; use a provider such as 'openai', "
                    + "'ollama::nomic-embed-text', 'openai:KEY' or rembed_client_options(...)");
        }
        String text = options.trim();
        try {
            return fromMap(name, isJson(text) ? OptionsJson.parseObject(text) : ShortForm.parse(text));
        } catch (RembedException e) {
            throw new RembedException(who + ": " + e.getMessage());
        }
    }

    /** JSON of any kind is read as JSON, so that an array is reported as "not an object". */
    private static boolean isJson(String text) {
        char c = text.charAt(0);
        return c == '{' || c == '[' || c == '"';
    }

    private ClientSpec fromMap(String name, Map<String, String> map) {
        for (String key : map.keySet()) {
            if (!TEXT_KEYS.contains(key)) {
                throw new RembedException(KEYS.contains(key)
                        ? "option '" + key + "' belongs to multimodal clients (give a vision_model or an embedding_model)"
                        : "unknown option '" + key + "'; expected one of " + String.join(", ", KEYS));
            }
        }
        ModelName model = ModelName.of(map.get("format"), map.get("model"));
        Provider provider = model.provider();
        String modelName = model.name() != null ? model.name() : name;
        if (provider == Provider.LOCAL) {
            modelName = "all-minilm-l6-v2";
        } else if (provider == Provider.LLAMAFILE && modelName == null) {
            modelName = "llamafile"; // llamafile serves one model and takes no name
        }
        if (modelName == null || modelName.isBlank()) {
            throw new RembedException(name == null ? "the options name no model; give 'model' or 'provider::model'"
                    : "model must not be empty");
        }
        modelName = modelName.trim();
        List<String> urls = urls(provider, map.get("url"), modelName);
        String url = urls.isEmpty() ? null : urls.get(0);
        Integer batch = positive(map.get("batch_size"), "batch_size", MAX_BATCH_SIZE);
        Integer timeoutSec = positive(map.get("request_timeout_sec"), "request_timeout_sec", MAX_TIMEOUT_SEC);
        int batchSize = batchSize(provider, url, batch);
        Duration timeout = timeoutSec == null ? ClientSpec.DEFAULT_TIMEOUT : Duration.ofSeconds(timeoutSec);
        Keys.Choice key = provider == Provider.LOCAL ? Keys.Choice.NONE : key(provider, urls, map.get("key"));
        Wire wire = provider.wire(url);
        Integer dimensions = positive(map.get("dimensions"), "dimensions", MAX_DIMENSIONS);
        if (dimensions != null && wire != Wire.OPENAI && wire != Wire.OLLAMA) {
            throw new RembedException("option 'dimensions' is sent to OpenAI-style and Ollama servers only; "
                    + provider.id() + " takes none here");
        }
        return new ClientSpec(provider, modelName, url, key.key(), key.missing(), batchSize, timeout, urls,
                maxConcurrent(map.get("max_concurrent_requests")), dimensions,
                base64(provider, wire, map.get("encoding_format")));
    }

    /**
     * Every endpoint {@code url} lists (comma-separated), each normalised as a single URL is;
     * the provider's default endpoint when {@code url} is absent; none for the local model.
     */
    private List<String> urls(Provider provider, String url, String model) {
        if (url == null) {
            String only = Endpoints.embedding(provider, null, model, environment);
            return only == null ? List.of() : List.of(only);
        }
        List<String> out = new ArrayList<>();
        for (String one : Endpoints.list(url)) {
            String u = Endpoints.embedding(provider, one, model, environment);
            if (!out.contains(u)) {
                out.add(u);
            }
        }
        for (String u : out) {
            if (provider.wire(u) != provider.wire(out.get(0))) {
                throw new RembedException("the endpoints in 'url' speak different APIs (" + provider.wire(out.get(0))
                        + " and " + provider.wire(u) + "); list servers of one kind");
            }
        }
        return out;
    }

    /** An environment key goes only to the provider's own origin: with several endpoints, to all of them or none. */
    private Keys.Choice key(Provider provider, List<String> urls, String explicit) {
        Keys.Choice first = Keys.choose(provider, urls.get(0), explicit, environment);
        for (String u : urls) {
            if (!Keys.choose(provider, u, explicit, environment).equals(first)) {
                return Keys.Choice.NONE;
            }
        }
        return first;
    }

    /** {@code 'auto'} or a whole number 1..{@value #MAX_CONCURRENT}; null when not given. */
    static LimitSpec maxConcurrent(String value) {
        if (value == null) {
            return null;
        }
        if (value.trim().equalsIgnoreCase("auto")) {
            return LimitSpec.auto();
        }
        try {
            return LimitSpec.fixed(positive(value, "max_concurrent_requests", MAX_CONCURRENT));
        } catch (RembedException e) {
            throw new RembedException("option 'max_concurrent_requests' must be 'auto' or a whole number from 1 to "
                    + MAX_CONCURRENT + ", got '" + value + "'");
        }
    }

    /**
     * Whether replies are asked for as base64 float32: OpenAI and Azure by default (what OpenAI's
     * own client does: a quarter of the bytes of JSON numbers); other OpenAI-style servers when
     * {@code encoding_format} says {@code base64}. A reply in numbers is read either way.
     */
    private static boolean base64(Provider provider, Wire wire, String format) {
        if (format == null) {
            return wire == Wire.OPENAI && (provider == Provider.OPENAI || provider == Provider.AZURE);
        }
        String f = format.trim().toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("float") && !f.equals("base64")) {
            throw new RembedException("option 'encoding_format' must be 'float' or 'base64', got '" + format + "'");
        }
        if (wire != Wire.OPENAI) {
            throw new RembedException("option 'encoding_format' is sent to OpenAI-style servers only; "
                    + provider.id() + " takes none here");
        }
        return f.equals("base64");
    }

    /** One-text formats send one text per request whatever {@code batch_size} says; others keep to the provider's limit. */
    private static int batchSize(Provider provider, String url, Integer requested) {
        if (provider.wire(url).oneTextPerRequest()) {
            return 1;
        }
        if (requested == null) {
            return provider.defaultBatchSize();
        }
        if (requested > provider.maxBatchSize()) {
            throw new RembedException("batch_size for " + provider.id() + " is at most " + provider.maxBatchSize()
                    + ", got " + requested);
        }
        return requested;
    }

    static Integer positive(String value, String option, int max) {
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.trim());
            if (d != Math.rint(d) || d < 1 || d > max) {
                throw new NumberFormatException();
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw new RembedException("option '" + option + "' must be a whole number from 1 to " + max
                    + ", got '" + value + "'");
        }
    }
}
