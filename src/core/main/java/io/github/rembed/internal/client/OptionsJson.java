package io.github.rembed.internal.client;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rembed.RembedException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options text of a client row: either a JSON object (what {@code rembed_client_options}
 * returns) or the short forms {@code provider} and {@code provider::model}.
 */
public final class OptionsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Older or other spellings of option names: sqlite-rembed's {@code flavor}, the fork's {@code provider} and {@code api_key}. */
    private static final Map<String, String> ALIASES = Map.of("flavor", "format", "provider", "format", "api_key", "key");

    private OptionsJson() {
    }

    /**
     * Builds the options text from key/value pairs, refusing unknown keys so that a typo is an
     * error at the INSERT and not a silently ignored setting.
     */
    public static String fromPairs(List<Object> keysAndValues, Set<String> allowedKeys) {
        if (keysAndValues.size() % 2 != 0) {
            throw new RembedException("expected key/value pairs, got an odd number of arguments ("
                    + keysAndValues.size() + ")");
        }
        ObjectNode out = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.size(); i += 2) {
            Object k = keysAndValues.get(i);
            if (!(k instanceof String key)) {
                throw new RembedException("option name at argument " + (i + 1) + " must be TEXT");
            }
            String normalized = canonical(key);
            if (!allowedKeys.contains(normalized)) {
                throw new RembedException("unknown option '" + key + "'; expected one of " + String.join(", ",
                        allowedKeys));
            }
            if (out.has(normalized)) {
                throw new RembedException("option '" + normalized + "' given twice");
            }
            Object v = keysAndValues.get(i + 1);
            if (v == null) {
                throw new RembedException("option '" + normalized + "' is NULL");
            } else if (v instanceof Long l) {
                out.put(normalized, l);
            } else if (v instanceof Double d) {
                out.put(normalized, d);
            } else {
                out.put(normalized, v.toString());
            }
        }
        return out.toString();
    }

    /** The option name {@code key} stands for: lower case, aliases resolved. */
    static String canonical(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(k, k);
    }

    /**
     * Parses a JSON options object into an ordered map of canonical key to text value. A name
     * given twice, directly or through an alias, is an error. Errors never quote the text,
     * which may hold a key.
     */
    static Map<String, String> parseObject(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (original.startsWith("Duplicate field '")) {
                String name = original.substring("Duplicate field '".length(), original.indexOf('\'', 17));
                throw new RembedException("option '" + canonical(name) + "' given twice");
            }
            JsonLocation at = e.getLocation();
            throw new RembedException("options are not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (node == null || !node.isObject()) {
            throw new RembedException("options must be a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String key = canonical(e.getKey());
            if (v.isContainerNode() || v.isNull()) {
                throw new RembedException("option '" + key + "' must be a text or number");
            }
            if (out.put(key, v.asText()) != null) {
                throw new RembedException("option '" + key + "' given twice");
            }
        }
        return out;
    }
}
