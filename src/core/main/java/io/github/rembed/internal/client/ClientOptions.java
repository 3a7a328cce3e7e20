package io.github.rembed.internal.client;

import io.github.rembed.RembedException;
import io.github.rembed.internal.concurrency.LimitSpec;
import java.time.Duration;
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
        TextSpecBuilder builder = TextSpecBuilder.forOptions(model.provider());
        String modelName = model.name() != null ? model.name() : name;
        if (modelName != null) {
            builder.model(modelName);
        } else if (model.provider() != Provider.LOCAL && model.provider() != Provider.LLAMAFILE) {
            throw new RembedException("the options name no model; give 'model' or 'provider::model'");
        }
        if (map.get("url") != null) {
            builder.url(map.get("url"));
        }
        String key = map.get("key");
        if (key != null && !key.isBlank()) {
            builder.key(key);
        }
        Integer batch = positive(map.get("batch_size"), "batch_size", TextSpecBuilder.MAX_BATCH_SIZE);
        if (batch != null) {
            builder.batchSize(batch);
        }
        Integer timeoutSec = positive(map.get("request_timeout_sec"), "request_timeout_sec",
                TextSpecBuilder.MAX_TIMEOUT_SEC);
        if (timeoutSec != null) {
            builder.requestTimeout(Duration.ofSeconds(timeoutSec));
        }
        LimitSpec limit = maxConcurrent(map.get("max_concurrent_requests"));
        if (limit != null) {
            builder.maxConcurrentRequests(limit);
        }
        Integer dimensions = positive(map.get("dimensions"), "dimensions", TextSpecBuilder.MAX_DIMENSIONS);
        if (dimensions != null) {
            builder.dimensions(dimensions);
        }
        if (map.get("encoding_format") != null) {
            builder.encodingFormat(map.get("encoding_format"));
        }
        return builder.build(environment);
    }

    /** {@code 'auto'} or a whole number 1..{@value TextSpecBuilder#MAX_CONCURRENT}; null when not given. */
    static LimitSpec maxConcurrent(String value) {
        if (value == null) {
            return null;
        }
        if (value.trim().equalsIgnoreCase("auto")) {
            return LimitSpec.auto();
        }
        try {
            return LimitSpec.fixed(positive(value, "max_concurrent_requests", TextSpecBuilder.MAX_CONCURRENT));
        } catch (RembedException e) {
            throw new RembedException("option 'max_concurrent_requests' must be 'auto' or a whole number from 1 to "
                    + TextSpecBuilder.MAX_CONCURRENT + ", got '" + value + "'");
        }
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
