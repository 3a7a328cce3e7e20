package io.github.rembed.internal.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Gemini's {@code batchEmbedContents}: one request per text inside the batch, each naming
 * {@code models/<model>} and its {@code taskType}; vectors at {@code embeddings[i].values}.
 */
final class GeminiWire implements WireFormat {
    @Override
    public ObjectNode body(String model, List<String> texts, String inputType) {
        String name = model.startsWith("models/") ? model : "models/" + model;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode requests = body.putArray("requests");
        for (String text : texts) {
            ObjectNode r = requests.addObject().put("model", name);
            r.putObject("content").putArray("parts").addObject().put("text", text);
            if (inputType != null) {
                r.put("taskType", inputType);
            }
        }
        return body;
    }

    @Override
    public List<float[]> vectors(JsonNode reply, int expected) {
        JsonNode embeddings = ReplyJson.array(reply, "embeddings", "embeddings");
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (int i = 0; i < embeddings.size(); i++) {
            out.add(ReplyJson.vector(embeddings.get(i).get("values"), "embeddings[" + i + "].values"));
        }
        return out;
    }
}
