package io.github.rembed.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.rembed.RembedException;
import java.util.ArrayList;
import java.util.List;

/** Reading the JSON arrays the batch functions take, and writing the ones they return. */
final class JsonArrays {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonArrays() {
    }

    /** A JSON array of strings (or nulls) as a list; {@code null} entries stay {@code null}. */
    static List<String> strings(String json, int maxItems) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RembedException("argument is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isArray()) {
            throw new RembedException("expected a JSON array of texts, e.g. json_array('a', 'b'), got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        if (node.size() > maxItems) {
            throw new RembedException("array has " + node.size() + " items; the limit is " + maxItems);
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isNull()) {
                out.add(null);
            } else if (item.isTextual()) {
                out.add(item.textValue());
            } else {
                throw new RembedException("item " + i + " is " + item.getNodeType().toString()
                        .toLowerCase(java.util.Locale.ROOT) + "; every item must be a string or null");
            }
        }
        return out;
    }

    /** A JSON array of strings, {@code null} entries written as JSON null. */
    static String write(List<String> items) {
        ArrayNode out = JSON.createArrayNode();
        for (String s : items) {
            if (s == null) {
                out.addNull();
            } else {
                out.add(s);
            }
        }
        return out.toString();
    }
}
