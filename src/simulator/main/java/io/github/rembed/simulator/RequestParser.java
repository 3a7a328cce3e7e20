package io.github.rembed.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads a request body into a {@link SimRequest}: the vision formats here, embeddings in {@link EmbeddingRequestParser}. */
final class RequestParser {
    private static final String DATA_URL_PREFIX = "data:image/";

    private RequestParser() {
    }

    static SimRequest parse(Endpoint e, String path, String query, JsonNode body) throws BadRequest {
        if (!body.isObject()) {
            throw new BadRequest("request body must be a JSON object");
        }
        if (!e.vision()) {
            return EmbeddingRequestParser.parse(e, path, query, body);
        }
        String model = requiredModel(body);
        return switch (e) {
            case OLLAMA_CHAT -> SimRequest.vision(e, model, ollamaChatImages(body), ollamaChatPrompt(body));
            case OLLAMA_GENERATE -> SimRequest.vision(e, model, ollamaGenerateImages(body), text(body, "prompt"));
            case OPENAI_CHAT -> SimRequest.vision(e, model, openAiImages(body), openAiPrompt(body));
            default -> throw new IllegalArgumentException(e + " is not a vision endpoint");
        };
    }

    static String requiredModel(JsonNode body) throws BadRequest {
        String model = text(body, "model");
        if (model == null || model.isBlank()) {
            throw new BadRequest("model is required");
        }
        return model;
    }

    /** The text the messages carry beside their images: the instruction. */
    private static String ollamaChatPrompt(JsonNode body) {
        StringBuilder out = new StringBuilder();
        for (JsonNode message : body.path("messages")) {
            if (message.path("content").isTextual()) {
                out.append(out.isEmpty() ? "" : "\n").append(message.get("content").asText());
            }
        }
        return out.toString();
    }

    private static String openAiPrompt(JsonNode body) {
        StringBuilder out = new StringBuilder();
        for (JsonNode message : body.path("messages")) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                out.append(out.isEmpty() ? "" : "\n").append(content.asText());
            }
            for (JsonNode part : content) {
                if ("text".equals(part.path("type").asText())) {
                    out.append(out.isEmpty() ? "" : "\n").append(part.path("text").asText());
                }
            }
        }
        return out.toString();
    }

    private static List<byte[]> ollamaGenerateImages(JsonNode body) throws BadRequest {
        requireNoStreaming(body);
        return requireImage(ollamaImages(body.get("images"), "images"));
    }

    private static void requireNoStreaming(JsonNode body) throws BadRequest {
        if (body.path("stream").asBoolean(false)) {
            throw new BadRequest("the simulator does not stream; send \"stream\": false");
        }
    }

    private static List<byte[]> ollamaChatImages(JsonNode body) throws BadRequest {
        requireNoStreaming(body);
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new BadRequest("messages must be an array");
        }
        List<byte[]> images = new ArrayList<>();
        for (JsonNode message : messages) {
            images.addAll(ollamaImages(message.get("images"), "messages[].images"));
        }
        return requireImage(images);
    }

    private static List<byte[]> ollamaImages(JsonNode array, String field) throws BadRequest {
        List<byte[]> images = new ArrayList<>();
        if (array == null || array.isNull()) {
            return images;
        }
        if (!array.isArray()) {
            throw new BadRequest(field + " must be an array of base64 strings");
        }
        for (JsonNode item : array) {
            images.add(image(decode(item.asText(), images.size())));
        }
        return images;
    }

    private static List<byte[]> openAiImages(JsonNode body) throws BadRequest {
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new BadRequest("messages must be an array");
        }
        List<byte[]> images = new ArrayList<>();
        for (JsonNode message : messages) {
            JsonNode content = message.get("content");
            if (content == null || !content.isArray()) {
                continue; // plain-text content carries no image
            }
            for (JsonNode part : content) {
                if ("image_url".equals(part.path("type").asText())) {
                    images.add(image(dataUrl(part.path("image_url").path("url").asText(""), images.size())));
                }
            }
        }
        return requireImage(images);
    }

    private static byte[] dataUrl(String url, int index) throws BadRequest {
        int comma = url.indexOf(',');
        if (!url.startsWith(DATA_URL_PREFIX) || comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            throw new BadRequest("image " + (index + 1)
                    + ": image_url.url must be a data:image/...;base64,... URL (the simulator fetches nothing)");
        }
        return decode(url.substring(comma + 1), index);
    }

    private static byte[] decode(String base64, int index) throws BadRequest {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("image " + (index + 1) + " is not valid base64: " + e.getMessage());
        }
    }

    private static byte[] image(byte[] bytes) throws BadRequest {
        if (ImageFormat.of(bytes) == null) {
            throw new BadRequest("image: unknown format (" + bytes.length
                    + " bytes that are not PNG, JPEG, GIF or WebP)");
        }
        return bytes;
    }

    private static List<byte[]> requireImage(List<byte[]> images) throws BadRequest {
        if (images.isEmpty()) {
            throw new BadRequest("the request has no image; the simulated vision model only describes images");
        }
        return images;
    }

    static String requiredText(JsonNode body, String field) throws BadRequest {
        String value = text(body, field);
        if (value == null) {
            throw new BadRequest(field + " is required");
        }
        return value;
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
