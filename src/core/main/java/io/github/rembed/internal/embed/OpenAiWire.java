package io.github.rembed.internal.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * OpenAI's format, also spoken by Jina, Mixedbread, Mistral, Voyage and Azure OpenAI. Reply
 * items are placed by their {@code index} field, not by the order they arrive in; a reply
 * with a repeated, missing or out-of-range index is refused. A server that sends no index
 * at all is read in order, as sqlite-rembed reads it. With {@code encoding_format: base64}
 * each embedding comes as the base64 of its little-endian float32s, a quarter of the bytes of
 * JSON numbers and no number parsing; a server that answers in numbers anyway is read too.
 */
final class OpenAiWire implements WireFormat {
    /** The field {@code input_type} goes into (Voyage's), or null. */
    private final String inputTypeField;
    /** The {@code dimensions} asked for, or null. */
    private final Integer dimensions;
    private final boolean base64;

    OpenAiWire(String inputTypeField, Integer dimensions, boolean base64) {
        this.inputTypeField = inputTypeField;
        this.dimensions = dimensions;
        this.base64 = base64;
    }

    @Override
    public ObjectNode body(String model, List<String> texts, String inputType) {
        ObjectNode body = WireFormat.modelAndTexts(model, "input", texts);
        if (inputType != null && inputTypeField != null) {
            body.put(inputTypeField, inputType);
        }
        if (dimensions != null) {
            body.put("dimensions", dimensions);
        }
        if (base64) {
            body.put("encoding_format", "base64");
        }
        return body;
    }

    @Override
    public List<float[]> vectors(JsonNode reply, int expected) {
        JsonNode data = ReplyJson.array(reply, "data", "data");
        if (data.size() != expected) {
            throw ReplyJson.malformed("expected " + expected + " embedding" + (expected == 1 ? "" : "s") + ", got "
                    + data.size());
        }
        boolean indexed = false;
        for (JsonNode item : data) {
            indexed |= item.has("index");
        }
        float[][] placed = new float[expected][];
        for (int n = 0; n < data.size(); n++) {
            JsonNode item = data.get(n);
            int i = indexed ? index(item, n, expected) : n;
            if (placed[i] != null) {
                throw ReplyJson.malformed("index " + i + " appears twice");
            }
            JsonNode embedding = item.get("embedding");
            String where = "data[" + n + "].embedding";
            placed[i] = embedding != null && embedding.isTextual() ? ReplyJson.base64Vector(embedding.asText(), where)
                    : ReplyJson.vector(embedding, where);
        }
        return Arrays.asList(placed);
    }

    private static int index(JsonNode item, int n, int expected) {
        JsonNode index = item.get("index");
        if (index == null || !index.canConvertToInt() || !index.isIntegralNumber()) {
            throw ReplyJson.malformed("data[" + n + "] has no index");
        }
        int i = index.intValue();
        if (i < 0 || i >= expected) {
            throw ReplyJson.malformed("index " + i + " is out of range for " + expected + " text"
                    + (expected == 1 ? "" : "s"));
        }
        return i;
    }
}
