package io.github.rembed.client;

import io.github.rembed.RembedException;
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
            "model"));

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
        int maxConcurrent = orDefault(ClientOptions.positive(map.get("max_concurrent_requests"),
                "max_concurrent_requests", MultimodalSpec.MAX_CONCURRENT), MultimodalSpec.DEFAULT_MAX_CONCURRENT);
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
        ClientSpec embeddingSpec;
        try {
            embeddingSpec = textOptions.parse(null, OptionsJson.fromPairs(pairs(text), ClientOptions.KEYS));
        } catch (RembedException e) {
            throw new RembedException("embedding_model: " + e.getMessage().replaceFirst("^client: ", ""));
        }
        return new MultimodalSpec(visionSpec, embeddingSpec, maxConcurrent, timeout, batchSize);
    }

    private VisionSpec visionSpec(Side side, String url, String key, String prompt, Duration timeout) {
        if (side.provider == Provider.OLLAMA) {
            return new VisionSpec(Provider.OLLAMA, side.model,
                    url == null ? Endpoints.ollamaHost(environment.apply("OLLAMA_HOST")) : Endpoints.ollamaBase(url),
                    key == null || key.isBlank() ? null : key, null, prompt, timeout);
        }
        String base = url == null ? OPENAI_BASE : Endpoints.openAiBase(url);
        Keys.Choice choice = Keys.choose(Provider.OPENAI, base, key, environment);
        return new VisionSpec(Provider.OPENAI, side.model, base, choice.key(), choice.missing(), prompt, timeout);
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
