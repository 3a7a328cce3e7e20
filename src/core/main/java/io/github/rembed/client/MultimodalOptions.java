package io.github.rembed.client;

import io.github.rembed.RembedException;
import io.github.rembed.concurrency.LimitSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses the options of a {@code temp.rembed_multimodal_clients} row into a {@link MultimodalSpec}.
 * The options are the JSON of {@code rembed_multimodal_client_options(...)} or just a provider
 * name ({@code 'ollama'}, {@code 'openai'}) for that provider's default models. {@code url} and
 * {@code key} apply to each side whose provider is {@code format}; a side named
 * {@code provider::model} with another provider uses that provider's own defaults.
 */
public final class MultimodalOptions {
    /**
     * Keys accepted by {@code rembed_multimodal_client_options}; {@code model} is the fork's name
     * for the vision model.
     */
    public static final Set<String> KEYS = new LinkedHashSet<>(List.of("format", "url", "key", "vision_model",
            "embedding_model", "vision_prompt", "max_concurrent_requests", "request_timeout_sec", "batch_size",
            "model", "dimensions", "encoding_format"));

    private static final String OPENAI_BASE = "https://api.openai.com/v1";

    private final Function<String, String> environment;
    private final ClientOptions textOptions;

    public MultimodalOptions(Function<String, String> environment) {
        this.environment = environment;
        this.textOptions = new ClientOptions(environment);
    }

    public MultimodalSpec parse(String name, String options) {
        if (name == null || name.isBlank()) {
            throw new RembedException("client name must be non-empty TEXT");
        }
        if (options == null || options.isBlank()) {
            throw new RembedException("client '" + name + "': options are empty; use 'ollama', 'openai' or "
                    + "rembed_multimodal_client_options(...)");
        }
        String text = options.trim();
        try {
            Map<String, String> map = text.startsWith("{") ? OptionsJson.parseObject(text) : Map.of("format", text);
            return fromMap(name, visionModelFromModel(map));
        } catch (RembedException e) {
            throw new RembedException("client '" + name + "': " + e.getMessage());
        }
    }

    /** The fork names the vision model {@code model}; it may not contradict {@code vision_model}. */
    private static Map<String, String> visionModelFromModel(Map<String, String> map) {
        String model = map.get("model");
        if (model == null) {
            return map;
        }
        String vision = map.get("vision_model");
        if (vision != null && !vision.trim().equals(model.trim())) {
            throw new RembedException("'model' and 'vision_model' name different vision models; give one of them");
        }
        Map<String, String> out = new LinkedHashMap<>(map);
        out.remove("model");
        out.put("vision_model", model);
        return out;
    }

    private MultimodalSpec fromMap(String name, Map<String, String> map) {
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new RembedException("unknown option '" + key + "'; expected one of " + String.join(", ", KEYS));
            }
        }
        Provider format = Provider.parse(map.getOrDefault("format", impliedFormat(map.get("vision_model"))));
        if (!sees(format) && !(map.containsKey("vision_model") && map.get("vision_model").contains("::"))) {
            throw new RembedException("format must be ollama or openai: " + (format == Provider.LOCAL
                    ? "there is no in-process vision model" : format.id() + " has no vision model here"));
        }
        LimitSpec limit = ClientOptions.maxConcurrent(map.get("max_concurrent_requests"));
        int maxConcurrent = limit == null || limit.adaptive() ? MultimodalSpec.DEFAULT_MAX_CONCURRENT : limit.fixed();
        int timeoutSec = orDefault(ClientOptions.positive(map.get("request_timeout_sec"), "request_timeout_sec",
                ClientOptions.MAX_TIMEOUT_SEC), MultimodalSpec.DEFAULT_TIMEOUT_SEC);
        int batchSize = orDefault(ClientOptions.positive(map.get("batch_size"), "batch_size",
                ClientOptions.MAX_BATCH_SIZE), MultimodalSpec.DEFAULT_BATCH_SIZE);
        Duration timeout = Duration.ofSeconds(timeoutSec);
        String prompt = map.getOrDefault("vision_prompt", VisionSpec.DEFAULT_PROMPT).trim();
        if (prompt.isEmpty()) {
            throw new RembedException("vision_prompt must not be empty");
        }

        Side vision = Side.of(map.get("vision_model"), format, defaultVisionModel(format));
        if (!sees(vision.provider)) {
            throw new RembedException("vision_model: " + (vision.provider == Provider.LOCAL
                    ? "there is no in-process vision model" : vision.provider.id() + " has no vision model here")
                    + "; use ollama:: or openai::");
        }
        String visionUrl = vision.provider == format ? map.get("url") : null;
        String visionKey = vision.provider == format ? map.get("key") : null;
        VisionSpec visionSpec = visionSpec(vision, visionUrl, visionKey, prompt, timeout);

        Side embedding = Side.of(map.get("embedding_model"), format, defaultEmbeddingModel(format));
        Map<String, String> text = new LinkedHashMap<>();
        text.put("format", embedding.provider.id());
        text.put("model", embedding.model);
        if (embedding.provider == format && map.containsKey("url")) {
            text.put("url", map.get("url"));
        }
        if (embedding.provider == format && map.containsKey("key")) {
            text.put("key", map.get("key"));
        }
        text.put("batch_size", Integer.toString(batchSize));
        text.put("request_timeout_sec", Integer.toString(timeoutSec));
        // The embedding side gets the same limit per endpoint, and the vector options.
        for (String option : List.of("max_concurrent_requests", "dimensions", "encoding_format")) {
            if (map.containsKey(option)) {
                text.put(option, map.get(option));
            }
        }
        ClientSpec embeddingSpec;
        try {
            embeddingSpec = textOptions.parse(null, OptionsJson.fromPairs(pairs(text), ClientOptions.KEYS));
        } catch (RembedException e) {
            throw new RembedException("embedding_model: " + e.getMessage().replaceFirst("^client: ", ""));
        }
        return new MultimodalSpec(visionSpec, embeddingSpec, maxConcurrent, timeout, batchSize, limit);
    }

    /** The vision side; {@code url} may list several servers, comma-separated. */
    private VisionSpec visionSpec(Side side, String url, String key, String prompt, Duration timeout) {
        List<String> given = url == null ? null : Endpoints.list(url);
        if (side.provider == Provider.OLLAMA) {
            List<String> bases = given == null ? List.of(Endpoints.ollamaHost(environment.apply("OLLAMA_HOST")))
                    : given.stream().map(Endpoints::ollamaBase).distinct().toList();
            return new VisionSpec(Provider.OLLAMA, side.model, bases.get(0), key == null || key.isBlank() ? null : key,
                    null, prompt, timeout, bases);
        }
        List<String> bases = given == null ? List.of(OPENAI_BASE)
                : given.stream().map(Endpoints::openAiBase).distinct().toList();
        Keys.Choice choice = Keys.choose(Provider.OPENAI, bases.get(0), key, environment);
        for (String base : bases) {
            if (!Keys.choose(Provider.OPENAI, base, key, environment).equals(choice)) {
                choice = Keys.Choice.NONE; // an environment key goes to OpenAI's own origin only: all or none
            }
        }
        return new VisionSpec(Provider.OPENAI, side.model, bases.get(0), choice.key(), choice.missing(), prompt,
                timeout, bases);
    }

    /** The providers with vision models here. */
    private static boolean sees(Provider p) {
        return p == Provider.OLLAMA || p == Provider.OPENAI;
    }

    /** Without {@code format}, the vision model's {@code provider::} prefix decides, else Ollama. */
    private static String impliedFormat(String visionModel) {
        if (visionModel != null && visionModel.contains("::")) {
            return visionModel.substring(0, visionModel.indexOf("::"));
        }
        return Provider.OLLAMA.id();
    }

    private static String defaultVisionModel(Provider p) {
        return p == Provider.OPENAI ? "gpt-4o-mini" : "llava:7b";
    }

    private static String defaultEmbeddingModel(Provider p) {
        return p == Provider.OPENAI ? "text-embedding-3-small" : "nomic-embed-text";
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static List<Object> pairs(Map<String, String> map) {
        List<Object> out = new java.util.ArrayList<>();
        map.forEach((k, v) -> {
            out.add(k);
            out.add(v);
        });
        return out;
    }

    /** One side's provider and model: {@code provider::model}, {@code local}, or a model of {@code format}. */
    private record Side(Provider provider, String model) {
        static Side of(String text, Provider format, String defaultModel) {
            if (text == null) {
                return new Side(format, defaultModel);
            }
            String t = text.trim();
            if (t.isEmpty()) {
                throw new RembedException("model names must not be empty");
            }
            int sep = t.indexOf("::");
            if (sep >= 0) {
                String model = t.substring(sep + 2).trim();
                if (model.isEmpty()) {
                    throw new RembedException("model missing after '::' in '" + t + "'");
                }
                return new Side(Provider.parse(t.substring(0, sep)), model);
            }
            if (t.equalsIgnoreCase("local") || t.equalsIgnoreCase("all-minilm-l6-v2")) {
                return new Side(Provider.LOCAL, "all-minilm-l6-v2");
            }
            return new Side(format, t);
        }
    }
}
