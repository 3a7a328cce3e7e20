package io.github.rembed.internal.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Cohere's embed API. v2 requires an {@code input_type} ({@code search_document} unless the
 * caller names one, as stored documents are what most scripts embed) and answers
 * {@code embeddings.float[i]}; v1 takes it optionally and answers {@code embeddings[i]}.
 */
final class CohereWire implements WireFormat {
    static final String DEFAULT_INPUT_TYPE = "search_document";

    private final boolean v2;

    CohereWire(boolean v2) {
        this.v2 = v2;
    }

    @Override
    public ObjectNode body(String model, List<String> texts, String inputType) {
        ObjectNode body = WireFormat.modelAndTexts(model, "texts", texts);
        if (v2) {
            body.put("input_type", inputType != null ? inputType : DEFAULT_INPUT_TYPE);
            body.putArray("embedding_types").add("float");
        } else if (inputType != null) {
            body.put("input_type", inputType);
        }
        return body;
    }

    @Override
    public List<float[]> vectors(JsonNode reply, int expected) {
        if (v2) {
            JsonNode byType = reply == null ? null : reply.get("embeddings");
            return ReplyJson.vectors(ReplyJson.array(byType, "float", "embeddings.float"), "embeddings.float");
        }
        return ReplyJson.vectors(ReplyJson.array(reply, "embeddings", "embeddings"), "embeddings");
    }
}
