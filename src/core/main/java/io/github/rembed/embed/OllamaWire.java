package io.github.rembed.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Ollama's {@code /api/embed}: {@code {"model","input":[...]}} to {@code embeddings[i]}. */
final class OllamaWire implements WireFormat {
    @Override
    public ObjectNode body(String model, List<String> texts, String inputType) {
        return WireFormat.modelAndTexts(model, "input", texts);
    }

    @Override
    public List<float[]> vectors(JsonNode reply, int expected) {
        return ReplyJson.vectors(ReplyJson.array(reply, "embeddings", "embeddings"), "embeddings");
    }
}
