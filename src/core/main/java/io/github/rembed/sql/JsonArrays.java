package io.github.rembed.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.rembed.RembedException;
import java.util.ArrayList;
import java.util.List;

/** Reading the JSON arrays the batch functions take, and writing the ones they return. */
final class JsonArrays {
    /**
     * No length limit on strings (the whole argument is already in memory, and a base64 image
     * may be tens of megabytes; items are held to their own limits), and nothing may follow
     * the value.
     */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build());

    private JsonArrays() {
    }

    /** Parses a SQL argument that must be JSON; the error says what is wrong with it. */
    static JsonNode parse(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            JsonNode node = JSON.readTree(parser);
            boolean more;
            try {
                more = parser.nextToken() != null;
            } catch (JsonProcessingException e) {
                more = true;
            }
            if (more) {
                throw new RembedException("argument is not valid JSON: text after the end of the "
                        + (node != null && node.isArray() ? "array" : "value"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RembedException("argument is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new RembedException("argument is not valid JSON: " + e.getMessage());
        }
    }

    /** A JSON array of strings (or nulls) as a list; {@code null} entries stay {@code null}. */
    static List<String> strings(String json, int maxItems) {
        JsonNode node = parse(json);
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
