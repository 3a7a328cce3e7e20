package io.github.rembed.client;

import io.github.rembed.RembedException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Parses the options of a {@code temp.rembed_clients} row into a {@link ClientSpec}. */
public final class ClientOptions {
    /** Keys accepted by {@code rembed_client_options}. */
    public static final Set<String> KEYS = new LinkedHashSet<>(
            List.of("format", "model", "url", "key", "batch_size", "request_timeout_sec"));

    static final int MAX_BATCH_SIZE = 2048;
    static final int MAX_TIMEOUT_SEC = 3600;

    private final Function<String, String> environment;

    /** @param environment where {@code OPENAI_API_KEY} and {@code OLLAMA_HOST} are looked up */
    public ClientOptions(Function<String, String> environment) {
        this.environment = environment;
    }

    public ClientSpec parse(String name, String options) {
        if (name == null || name.isBlank()) {
            throw new RembedException("client name must be non-empty TEXT");
        }
        if (options == null || options.isBlank()) {
            throw new RembedException("client '" + name + "': options are empty; use a provider such as 'openai', "
                    + "'ollama::nomic-embed-text' or rembed_client_options(...)");
        }
        String text = options.trim();
        try {
            return text.startsWith("{") ? fromMap(name, OptionsJson.parseObject(text)) : fromShortForm(name, text);
        } catch (RembedException e) {
            throw e.getMessage().startsWith("client '") ? e
                    : new RembedException("client '" + name + "': " + e.getMessage());
        }
    }

    private ClientSpec fromShortForm(String name, String text) {
        int sep = text.indexOf("::");
        Provider provider = Provider.parse(sep < 0 ? text : text.substring(0, sep));
        String model = sep < 0 ? name : text.substring(sep + 2).trim();
        return build(provider, model, null, null, null, null);
    }

    private ClientSpec fromMap(String name, Map<String, String> map) {
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new RembedException("unknown option '" + key + "'; expected one of " + String.join(", ", KEYS));
            }
        }
        String format = map.get("format");
        if (format == null) {
            throw new RembedException("missing option 'format' (openai, ollama or local)");
        }
        Provider provider = Provider.parse(format);
        String model = map.getOrDefault("model", name);
        return build(provider, model, map.get("url"), map.get("key"),
                positive(map.get("batch_size"), "batch_size", MAX_BATCH_SIZE),
                positive(map.get("request_timeout_sec"), "request_timeout_sec", MAX_TIMEOUT_SEC));
    }

    private ClientSpec build(Provider provider, String model, String url, String key, Integer batchSize,
                             Integer timeoutSec) {
        if (model == null || model.isBlank()) {
            throw new RembedException("model must not be empty");
        }
        int batch = batchSize == null ? provider.defaultBatchSize() : batchSize;
        Duration timeout = timeoutSec == null ? ClientSpec.DEFAULT_TIMEOUT : Duration.ofSeconds(timeoutSec);
        return switch (provider) {
            case LOCAL -> {
                if (url != null) {
                    throw new RembedException("the local model takes no url");
                }
                yield new ClientSpec(Provider.LOCAL, "all-minilm-l6-v2", null, null, batch, timeout);
            }
            case OLLAMA -> new ClientSpec(provider, model.trim(),
                    url == null ? Endpoints.ollamaHost(environment.apply("OLLAMA_HOST")) : Endpoints.ollamaBase(url),
                    emptyToNull(key), batch, timeout);
            case OPENAI -> {
                String base = url == null ? provider.defaultUrl() : Endpoints.openAiBase(url);
                yield new ClientSpec(provider, model.trim(), base, openAiKey(base, key), batch, timeout);
            }
        };
    }

    /**
     * A key from the environment goes only to the provider's own host; any other URL must be
     * given its key explicitly, so pointing a client at a test server cannot leak it.
     */
    String openAiKey(String base, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        boolean defaultHost = Endpoints.host(base).equals(Endpoints.host(Provider.OPENAI.defaultUrl()));
        if (!defaultHost) {
            return null;
        }
        String fromEnv = environment.apply(Provider.OPENAI.keyVariable());
        if (fromEnv == null || fromEnv.isBlank()) {
            throw new RembedException("no API key for " + base + ": set " + Provider.OPENAI.keyVariable()
                    + " or pass 'key' in rembed_client_options(...)");
        }
        return fromEnv.trim();
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

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
