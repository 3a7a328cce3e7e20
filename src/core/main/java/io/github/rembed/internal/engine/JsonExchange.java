package io.github.rembed.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import io.github.rembed.RembedException;
import java.util.Map;

/**
 * One JSON request to a model server over the project's HTTP path and its reply as a JSON
 * object, the way every wire format (embeddings, vision) exchanges them. HTTP failures are
 * the client's exceptions; a reply that is not a JSON object is a "malformed reply".
 */
public final class JsonExchange {
    public static final ObjectMapper JSON = new ObjectMapper();

    private JsonExchange() {
    }

    /** POSTs {@code body} to {@code url} with {@code headers} (auth) and returns the reply object. */
    public static JsonNode post(HttpClient http, String url, Map<String, String> headers, ObjectNode body) {
        HttpRequest request = HttpRequest.builder()
                .method(HttpMethod.POST)
                .url(url)
                .addHeader("Content-Type", "application/json")
                .addHeader("Accept", "application/json")
                .addHeaders(headers)
                .body(body.toString())
                .build();
        String text = http.execute(request).body();
        JsonNode reply;
        try {
            reply = JSON.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new RembedException("malformed reply: the body is not JSON");
        }
        if (reply == null || !reply.isObject()) {
            throw new RembedException("malformed reply: the body is not a JSON object");
        }
        return reply;
    }
}
