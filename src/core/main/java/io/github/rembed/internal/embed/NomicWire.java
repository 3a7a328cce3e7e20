package io.github.rembed.internal.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Nomic Atlas: {@code {"model","texts":[...],"task_type"?}} to {@code embeddings[i]}. */
final class NomicWire implements WireFormat {
    @Override
    public ObjectNode body(String model, List<String> texts, String inputType) {
        ObjectNode body = WireFormat.modelAndTexts(model, "texts", texts);
        if (inputType != null) {
            body.put("task_type", inputType);
        }
        return body;
    }

    @Override
    public List<float[]> vectors(JsonNode reply, int expected) {
        return ReplyJson.vectors(ReplyJson.array(reply, "embeddings", "embeddings"), "embeddings");
    }
}
