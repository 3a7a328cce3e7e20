package io.github.rembed.internal.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rembed.internal.engine.JsonExchange;
import java.util.List;

/**
 * One embedding API's request body and reply shape. Implementations are stateless; the
 * HTTP exchange and auth are {@link WireClient}'s, retries the engine's.
 */
interface WireFormat {
    ObjectMapper JSON = JsonExchange.JSON;

    /** {@code {"model": model, field: [texts...]}}, the start of most request bodies. */
    static ObjectNode modelAndTexts(String model, String field, List<String> texts) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        texts.forEach(body.putArray(field)::add);
        return body;
    }

    /** The request body for {@code texts}; {@code inputType} is the provider's own value, or null. */
    ObjectNode body(String model, List<String> texts, String inputType);

    /**
     * The vectors of a reply to {@code expected} texts, vector {@code i} for text {@code i}.
     * A reply of the wrong shape is a {@code RembedException} starting "malformed reply".
     */
    List<float[]> vectors(JsonNode reply, int expected);
}
