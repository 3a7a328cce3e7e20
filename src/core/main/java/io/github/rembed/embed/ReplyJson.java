package io.github.rembed.embed;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rembed.RembedException;
import java.util.ArrayList;
import java.util.List;

/** Reads vectors out of reply JSON, refusing anything that is not an array of numbers. */
final class ReplyJson {
    private ReplyJson() {
    }

    static RembedException malformed(String what) {
        return new RembedException("malformed reply: " + what);
    }

    /** The node at {@code field}, which must be an array. */
    static JsonNode array(JsonNode parent, String field, String where) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || !n.isArray()) {
            throw malformed("no '" + where + "' array");
        }
        return n;
    }

    /** One vector: an array of numbers. */
    static float[] vector(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            throw malformed("'" + where + "' is not an array of numbers");
        }
        float[] out = new float[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode x = node.get(i);
            if (!x.isNumber()) {
                throw malformed("'" + where + "' holds a non-number");
            }
            out[i] = (float) x.doubleValue();
        }
        return out;
    }

    /** An array of vectors, in order. */
    static List<float[]> vectors(JsonNode array, String where) {
        List<float[]> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(vector(array.get(i), where + "[" + i + "]"));
        }
        return out;
    }
}
