package io.github.rembed.internal.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rembed.RembedException;
import io.github.rembed.internal.engine.JsonExchange;
import java.util.Base64;

/**
 * One vision API's request and reply: an image and an instruction in one user message, the
 * caption and token counts out of the reply. Stateless; the HTTP exchange is
 * {@link WireImageDescriber}'s.
 */
enum VisionWire {
    /** Ollama's {@code /api/chat}: the image as {@code messages[0].images[0]} (base64), no streaming. */
    OLLAMA("/api/chat") {
        @Override
        ObjectNode body(String model, String prompt, byte[] image, ImageType type) {
            ObjectNode body = JsonExchange.JSON.createObjectNode().put("model", model).put("stream", false);
            body.putArray("messages").addObject().put("role", "user").put("content", prompt)
                    .putArray("images").add(Base64.getEncoder().encodeToString(image));
            return body;
        }

        @Override
        String caption(JsonNode reply) {
            return text(reply.path("message").path("content"), "message.content");
        }

        @Override
        long inputTokens(JsonNode reply) {
            return reply.path("prompt_eval_count").asLong(0);
        }

        @Override
        long outputTokens(JsonNode reply) {
            return reply.path("eval_count").asLong(0);
        }
    },
    /** OpenAI's {@code /chat/completions}: the instruction and the image as a {@code data:} URL. */
    OPENAI("/chat/completions") {
        @Override
        ObjectNode body(String model, String prompt, byte[] image, ImageType type) {
            ObjectNode body = JsonExchange.JSON.createObjectNode().put("model", model);
            var content = body.putArray("messages").addObject().put("role", "user").putArray("content");
            content.addObject().put("type", "text").put("text", prompt);
            content.addObject().put("type", "image_url").putObject("image_url").put("url",
                    "data:" + type.mimeType() + ";base64," + Base64.getEncoder().encodeToString(image));
            return body;
        }

        @Override
        String caption(JsonNode reply) {
            return text(reply.path("choices").path(0).path("message").path("content"), "choices[0].message.content");
        }

        @Override
        long inputTokens(JsonNode reply) {
            return reply.path("usage").path("prompt_tokens").asLong(0);
        }

        @Override
        long outputTokens(JsonNode reply) {
            return reply.path("usage").path("completion_tokens").asLong(0);
        }
    };

    private final String path;

    VisionWire(String path) {
        this.path = path;
    }

    /** Where requests go: the server's base URL plus this path. */
    String path() {
        return path;
    }

    abstract ObjectNode body(String model, String prompt, byte[] image, ImageType type);

    /** The caption, untrimmed; a reply without one is a "malformed reply". */
    abstract String caption(JsonNode reply);

    abstract long inputTokens(JsonNode reply);

    abstract long outputTokens(JsonNode reply);

    private static String text(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw new RembedException("malformed reply: no '" + where + "' text");
        }
        return node.asText();
    }
}
