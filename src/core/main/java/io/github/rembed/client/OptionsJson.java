package io.github.rembed.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rembed.RembedException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options text of a client row: either a JSON object (what {@code rembed_client_options}
 * returns) or the short forms {@code provider} and {@code provider::model}.
 */
public final class OptionsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

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
            String normalized = key.trim().toLowerCase(java.util.Locale.ROOT);
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

    /** Parses a JSON options object into an ordered map of key to text value. */
    static Map<String, String> parseObject(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RembedException("options are not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new RembedException("options must be a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isContainerNode() || v.isNull()) {
                throw new RembedException("option '" + e.getKey() + "' must be a text or number");
            }
            out.put(e.getKey().toLowerCase(java.util.Locale.ROOT), v.asText());
        }
        return out;
    }
}
