package io.github.rembed.internal.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Ollama's {@code /api/embed}: {@code {"model","input":[...],"dimensions"?}} to {@code embeddings[i]}. */
final class OllamaWire implements WireFormat {
    /** The {@code dimensions} asked for, or null. */
    private final Integer dimensions;

    OllamaWire(Integer dimensions) {
        this.dimensions = dimensions;
    }

    @Override
    public ObjectNode body(String model, List<String> texts, String inputType) {
        ObjectNode body = WireFormat.modelAndTexts(model, "input", texts);
        if (dimensions != null) {
            body.put("dimensions", dimensions);
        }
        return body;
    }

    @Override
    public List<float[]> vectors(JsonNode reply, int expected) {
        return ReplyJson.vectors(ReplyJson.array(reply, "embeddings", "embeddings"), "embeddings");
    }
}
