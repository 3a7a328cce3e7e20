package io.github.rembed.internal.client;

import io.github.rembed.RembedException;
import io.github.rembed.internal.concurrency.LimitSpec;
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

    private final Function<String, String> environment;

    public MultimodalOptions(Function<String, String> environment) {
        this.environment = environment;
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
        if (!VisionSpecBuilder.sees(format) && !(map.containsKey("vision_model") && map.get("vision_model").contains("::"))) {
            throw new RembedException("format must be ollama or openai: " + (format == Provider.LOCAL
                    ? "there is no in-process vision model" : format.id() + " has no vision model here"));
        }
        LimitSpec limit = ClientOptions.maxConcurrent(map.get("max_concurrent_requests"));
        int maxConcurrent = limit == null || limit.adaptive() ? MultimodalSpec.DEFAULT_MAX_CONCURRENT : limit.fixed();
        int timeoutSec = orDefault(ClientOptions.positive(map.get("request_timeout_sec"), "request_timeout_sec",
                TextSpecBuilder.MAX_TIMEOUT_SEC), MultimodalSpec.DEFAULT_TIMEOUT_SEC);
        int batchSize = orDefault(ClientOptions.positive(map.get("batch_size"), "batch_size",
                TextSpecBuilder.MAX_BATCH_SIZE), MultimodalSpec.DEFAULT_BATCH_SIZE);
        Duration timeout = Duration.ofSeconds(timeoutSec);
        String prompt = map.get("vision_prompt");

        Side vision = Side.of(map.get("vision_model"), format, defaultVisionModel(format));
        if (!VisionSpecBuilder.sees(vision.provider)) {
            throw new RembedException("vision_model: " + (vision.provider == Provider.LOCAL
                    ? "there is no in-process vision model" : vision.provider.id() + " has no vision model here")
                    + "; use ollama:: or openai::");
        }
        String visionUrl = vision.provider == format ? map.get("url") : null;
        String visionKey = vision.provider == format ? map.get("key") : null;
        VisionSpec visionSpec = visionSpec(vision, visionUrl, visionKey, prompt, timeout);

        Side embedding = Side.of(map.get("embedding_model"), format, defaultEmbeddingModel(format));
        ClientSpec embeddingSpec;
        try {
            TextSpecBuilder text = TextSpecBuilder.forOptions(embedding.provider).model(embedding.model)
                    .batchSize(batchSize).requestTimeout(timeout);
            // The embedding side gets the same limit per endpoint, and the vector options.
            if (limit != null) {
                text.maxConcurrentRequests(limit);
            }
            Integer dimensions = ClientOptions.positive(map.get("dimensions"), "dimensions",
                    TextSpecBuilder.MAX_DIMENSIONS);
            if (dimensions != null) {
                text.dimensions(dimensions);
            }
            if (map.get("encoding_format") != null) {
                text.encodingFormat(map.get("encoding_format"));
            }
            if (embedding.provider == format && map.get("url") != null) {
                text.url(map.get("url"));
            }
            if (embedding.provider == format && map.get("key") != null && !map.get("key").isBlank()) {
                text.key(map.get("key"));
            }
            embeddingSpec = text.build(environment);
        } catch (RembedException e) {
            throw new RembedException("embedding_model: " + e.getMessage());
        }
        return new MultimodalSpec(visionSpec, embeddingSpec, maxConcurrent, timeout, batchSize, limit);
    }

    /** The vision side; {@code url} may list several servers, comma-separated. */
    private VisionSpec visionSpec(Side side, String url, String key, String prompt, Duration timeout) {
        VisionSpecBuilder builder = new VisionSpecBuilder(side.provider, side.model).key(key).timeout(timeout);
        if (prompt != null) {
            builder.prompt(prompt);
        }
        if (url != null) {
            builder.url(url);
        }
        return builder.build(environment);
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
