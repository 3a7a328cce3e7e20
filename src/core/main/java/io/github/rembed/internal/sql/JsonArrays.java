package io.github.rembed.internal.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rembed.RembedException;
import io.github.rembed.internal.embed.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

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

    /**
     * A JSON array of the base64 of each vector's float32 BLOB, {@code null} entries written as
     * JSON null. Written byte by byte: base64 needs no escaping, and a call of thousands of
     * vectors returns megabytes.
     */
    static String writeBase64(List<float[]> vectors) {
        Base64.Encoder base64 = Base64.getEncoder();
        int size = 2;
        for (float[] v : vectors) {
            size += (v == null ? NULL.length : (v.length * Float.BYTES + 2) / 3 * 4 + 2) + 1;
        }
        byte[] out = new byte[size];
        int at = 0;
        out[at++] = '[';
        for (int i = 0; i < vectors.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            float[] v = vectors.get(i);
            byte[] item = v == null ? NULL : base64.encode(Vectors.toBlob(v));
            if (v != null) {
                out[at++] = '"';
            }
            System.arraycopy(item, 0, out, at, item.length);
            at += item.length;
            if (v != null) {
                out[at++] = '"';
            }
        }
        out[at++] = ']';
        return new String(out, 0, at, StandardCharsets.ISO_8859_1);
    }
}
