package io.github.rembed.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the embedding request of every provider the simulator speaks into a {@link SimRequest},
 * refusing what the real service refuses: missing fields, wrong types, unknown task types and
 * batches over its limit.
 */
final class EmbeddingRequestParser {
    /** llamafile serves one model and takes no model name; its vectors are this model's. */
    static final String LLAMAFILE_MODEL = "llamafile";

    private static final Set<String> VOYAGE_INPUT_TYPES = Set.of("query", "document");
    private static final Set<String> NOMIC_TASK_TYPES =
            Set.of("search_document", "search_query", "clustering", "classification");
    private static final Set<String> COHERE_INPUT_TYPES =
            Set.of("search_document", "search_query", "classification", "clustering", "image");
    private static final Set<String> GEMINI_TASK_TYPES = Set.of("TASK_TYPE_UNSPECIFIED", "RETRIEVAL_QUERY",
            "RETRIEVAL_DOCUMENT", "SEMANTIC_SIMILARITY", "CLASSIFICATION", "CLUSTERING", "QUESTION_ANSWERING",
            "FACT_VERIFICATION", "CODE_RETRIEVAL_QUERY");
    private static final int COHERE_MAX_TEXTS = 96;
    private static final int GEMINI_MAX_REQUESTS = 100;

    private EmbeddingRequestParser() {
    }

    static SimRequest parse(Endpoint e, String path, String query, JsonNode body) throws BadRequest {
        return switch (e) {
            case OPENAI_EMBEDDINGS -> openAi(e, RequestParser.requiredModel(body), body);
            case AZURE_EMBEDDINGS -> azure(e, path, query, body);
            case OLLAMA_EMBED -> SimRequest.embedding(e, RequestParser.requiredModel(body), inputs(body, "input"), null,
                    dimensions(body), false);
            case OLLAMA_EMBEDDINGS -> SimRequest.embedding(e, RequestParser.requiredModel(body),
                    List.of(RequestParser.requiredText(body, "prompt")), null, null, false);
            case NOMIC_EMBED -> SimRequest.embedding(e, RequestParser.requiredModel(body), texts(body, Integer.MAX_VALUE),
                    oneOf(body, "task_type", NOMIC_TASK_TYPES, false), null, false);
            case COHERE_EMBED_V2 -> cohereV2(e, body);
            case COHERE_EMBED_V1 -> SimRequest.embedding(e, RequestParser.requiredModel(body),
                    texts(body, COHERE_MAX_TEXTS), oneOf(body, "input_type", COHERE_INPUT_TYPES, false), null, false);
            case LLAMAFILE_EMBEDDING -> SimRequest.embedding(e, LLAMAFILE_MODEL,
                    List.of(RequestParser.requiredText(body, "content")), null, null, false);
            case GEMINI_BATCH_EMBED -> gemini(e, e.modelInPath(path), body);
            default -> throw new IllegalArgumentException(e + " is not an embedding endpoint");
        };
    }

    /** OpenAI's shape; {@code input_type} is Voyage's addition. */
    private static SimRequest openAi(Endpoint e, String model, JsonNode body) throws BadRequest {
        return SimRequest.embedding(e, model, inputs(body, "input"), oneOf(body, "input_type", VOYAGE_INPUT_TYPES, false),
                dimensions(body), base64(body));
    }

    /** Azure names the deployment in the path and refuses a request without {@code api-version}. */
    private static SimRequest azure(Endpoint e, String path, String query, JsonNode body) throws BadRequest {
        if (query == null || !query.matches("(^|.*&)api-version=[^&]+.*")) {
            throw new BadRequest("Resource not found (api-version query parameter is required)", 404);
        }
        return SimRequest.embedding(e, e.modelInPath(path), inputs(body, "input"), null, dimensions(body),
                base64(body));
    }

    private static SimRequest cohereV2(Endpoint e, JsonNode body) throws BadRequest {
        String model = RequestParser.requiredModel(body);
        List<String> texts = texts(body, COHERE_MAX_TEXTS);
        String inputType = oneOf(body, "input_type", COHERE_INPUT_TYPES, true);
        JsonNode types = body.get("embedding_types");
        if (types != null && !(types.isArray() && types.toString().contains("\"float\""))) {
            throw new BadRequest("embedding_types must be an array that includes \"float\"");
        }
        return SimRequest.embedding(e, model, texts, inputType, null, false);
    }

    /** Every request of the batch must name the model of the path, as {@code models/<model>}. */
    private static SimRequest gemini(Endpoint e, String pathModel, JsonNode body) throws BadRequest {
        JsonNode requests = body.get("requests");
        if (requests == null || !requests.isArray() || requests.isEmpty()) {
            throw new BadRequest("* BatchEmbedContentsRequest.requests: must be a non-empty array");
        }
        if (requests.size() > GEMINI_MAX_REQUESTS) {
            throw new BadRequest("* BatchEmbedContentsRequest.requests: at most " + GEMINI_MAX_REQUESTS
                    + " requests can be in one batch");
        }
        List<String> texts = new ArrayList<>(requests.size());
        String taskType = null;
        for (JsonNode r : requests) {
            int i = texts.size();
            if (!("models/" + pathModel).equals(r.path("model").asText())) {
                throw new BadRequest("* BatchEmbedContentsRequest.requests[" + i + "].model: must be models/"
                        + pathModel + ", the model of the URL");
            }
            JsonNode parts = r.path("content").path("parts");
            if (!parts.isArray() || parts.size() != 1 || !parts.get(0).path("text").isTextual()) {
                throw new BadRequest("* BatchEmbedContentsRequest.requests[" + i
                        + "].content.parts: must hold one part with a text");
            }
            texts.add(parts.get(0).get("text").asText());
            String t = oneOf(r, "taskType", GEMINI_TASK_TYPES, false);
            if (i > 0 && !java.util.Objects.equals(t, taskType)) {
                throw new BadRequest("* the simulator needs one taskType for the whole batch");
            }
            taskType = t;
        }
        return SimRequest.embedding(e, pathModel, texts, taskType, null, false);
    }

    /** {@code texts}: a non-empty array of strings, at most {@code max}. */
    private static List<String> texts(JsonNode body, int max) throws BadRequest {
        JsonNode texts = body.get("texts");
        if (texts == null || !texts.isArray() || texts.isEmpty()) {
            throw new BadRequest("texts must be a non-empty array of strings");
        }
        if (texts.size() > max) {
            throw new BadRequest("invalid request: total number of texts must be at most " + max + " - received "
                    + texts.size());
        }
        return strings(texts, "texts");
    }

    static List<String> inputs(JsonNode body, String field) throws BadRequest {
        JsonNode input = body.get(field);
        if (input == null || input.isNull()) {
            throw new BadRequest(field + " is required");
        }
        if (input.isTextual()) {
            return List.of(input.asText());
        }
        if (!input.isArray() || input.isEmpty()) {
            throw new BadRequest(field + " must be a string or a non-empty array of strings");
        }
        return strings(input, field);
    }

    private static List<String> strings(JsonNode array, String field) throws BadRequest {
        List<String> out = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw new BadRequest(field + "[" + out.size() + "] must be a string");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** An optional (or required) text field that must be one of {@code allowed}. */
    private static String oneOf(JsonNode body, String field, Set<String> allowed, boolean required) throws BadRequest {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new BadRequest(field + " is required; one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
            return null;
        }
        if (!n.isTextual() || !allowed.contains(n.asText())) {
            throw new BadRequest(field + " must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))
                    + ", got " + n);
        }
        return n.asText();
    }

    /** OpenAI's {@code encoding_format}: {@code float} (the default) or {@code base64}; anything else is refused. */
    private static boolean base64(JsonNode body) throws BadRequest {
        JsonNode f = body.get("encoding_format");
        if (f == null || f.isNull()) {
            return false;
        }
        if (!f.isTextual() || !(f.asText().equals("float") || f.asText().equals("base64"))) {
            throw new BadRequest("encoding_format must be 'float' or 'base64', got " + f);
        }
        return f.asText().equals("base64");
    }

    private static Integer dimensions(JsonNode body) throws BadRequest {
        JsonNode d = body.get("dimensions");
        if (d == null || d.isNull()) {
            return null;
        }
        if (!d.canConvertToInt() || d.asInt() <= 0 || d.asInt() > 65_536) {
            throw new BadRequest("dimensions must be a positive integer");
        }
        return d.asInt();
    }
}
