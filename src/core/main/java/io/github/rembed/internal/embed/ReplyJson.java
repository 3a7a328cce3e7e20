package io.github.rembed.internal.embed;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rembed.RembedException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
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

    /** One vector sent as base64 of little-endian float32s (OpenAI's {@code encoding_format: base64}). */
    static float[] base64Vector(String text, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed("'" + where + "' is neither numbers nor base64");
        }
        if (bytes.length % Float.BYTES != 0) {
            throw malformed("'" + where + "' is " + bytes.length + " bytes, not whole float32s");
        }
        float[] out = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    /**
     * The input tokens a reply says it counted, wherever its provider puts them: OpenAI-style
     * {@code usage.prompt_tokens} (or only {@code usage.total_tokens}, as Voyage sends),
     * Ollama's {@code prompt_eval_count}, Cohere's {@code meta.billed_units.input_tokens}; 0
     * when it says nothing.
     */
    static long inputTokens(JsonNode reply) {
        JsonNode usage = reply.path("usage");
        for (JsonNode n : new JsonNode[] {usage.path("prompt_tokens"), usage.path("total_tokens"),
                reply.path("prompt_eval_count"), reply.path("meta").path("billed_units").path("input_tokens")}) {
            if (n.canConvertToLong()) {
                return n.asLong();
            }
        }
        return 0;
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
