package io.github.rembed.internal.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The formats that take one text per request and answer {@code {"embedding":[...]}}: Ollama's
 * older {@code /api/embeddings} ({@code {"model","prompt"}}) and llamafile's {@code /embedding}
 * ({@code {"content"}}, no model).
 */
final class SingleTextWire implements WireFormat {
    static final SingleTextWire OLLAMA_LEGACY = new SingleTextWire("prompt", true);
    static final SingleTextWire LLAMAFILE = new SingleTextWire("content", false);

    private final String textField;
    private final boolean sendsModel;

    private SingleTextWire(String textField, boolean sendsModel) {
        this.textField = textField;
        this.sendsModel = sendsModel;
    }

    @Override
    public ObjectNode body(String model, List<String> texts, String inputType) {
        if (texts.size() != 1) {
            throw new IllegalArgumentException("one text per request, got " + texts.size());
        }
        ObjectNode body = JSON.createObjectNode();
        if (sendsModel) {
            body.put("model", model);
        }
        return body.put(textField, texts.get(0));
    }

    @Override
    public List<float[]> vectors(JsonNode reply, int expected) {
        return List.of(ReplyJson.vector(reply == null ? null : reply.get("embedding"), "embedding"));
    }
}
