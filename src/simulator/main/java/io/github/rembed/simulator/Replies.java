package io.github.rembed.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the JSON bodies each provider sends back, field names as the real servers spell them. */
final class Replies {
    /** Requests may carry images of tens of megabytes as one base64 string. */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build());
    private static final AtomicLong COMPLETION_IDS = new AtomicLong();

    private Replies() {
    }

    /** The reply to an embedding request; {@code order} shapes OpenAI's {@code data} items. */
    static ObjectNode embeddings(SimRequest r, List<float[]> vectors, IndexOrder order) {
        ObjectNode out = JSON.createObjectNode();
        switch (r.endpoint()) {
            case OPENAI_EMBEDDINGS, AZURE_EMBEDDINGS -> openAi(out, r, vectors, order);
            case OLLAMA_EMBED -> {
                out.put("model", r.model());
                floatArrays(out.putArray("embeddings"), vectors);
                out.put("total_duration", 0).put("load_duration", 0).put("prompt_eval_count", tokens(r.texts()));
            }
            case OLLAMA_EMBEDDINGS, LLAMAFILE_EMBEDDING ->
                    floats(out.putArray("embedding"), vectors.isEmpty() ? new float[0] : vectors.get(0));
            case NOMIC_EMBED -> {
                floatArrays(out.putArray("embeddings"), vectors);
                out.put("model", r.model());
                out.putObject("usage").put("prompt_tokens", tokens(r.texts())).put("total_tokens", tokens(r.texts()));
            }
            case COHERE_EMBED_V2 -> {
                out.put("id", "sim-" + COMPLETION_IDS.incrementAndGet());
                floatArrays(out.putObject("embeddings").putArray("float"), vectors);
                r.texts().forEach(out.putArray("texts")::add);
                out.put("response_type", "embeddings_by_type");
            }
            case COHERE_EMBED_V1 -> {
                out.put("id", "sim-" + COMPLETION_IDS.incrementAndGet());
                floatArrays(out.putArray("embeddings"), vectors);
                r.texts().forEach(out.putArray("texts")::add);
                out.put("response_type", "embeddings_floats");
            }
            case GEMINI_BATCH_EMBED -> {
                ArrayNode embeddings = out.putArray("embeddings");
                vectors.forEach(v -> floats(embeddings.addObject().putArray("values"), v));
            }
            default -> throw new IllegalArgumentException(r.endpoint() + " is not an embedding endpoint");
        }
        return out;
    }

    /** How the {@code data} items of an OpenAI-format reply are laid out. */
    enum IndexOrder {
        /** In input order, each with its index: what the real service sends. */
        IN_ORDER,
        /** Reversed, each keeping its true index: legal, and a client must place items by index. */
        REVERSED,
        /** Every item claims index 0: a reply no client may trust. */
        DUPLICATE
    }

    private static void openAi(ObjectNode out, SimRequest r, List<float[]> vectors, IndexOrder order) {
        out.put("object", "list");
        ArrayNode data = out.putArray("data");
        for (int n = 0; n < vectors.size(); n++) {
            int i = order == IndexOrder.REVERSED ? vectors.size() - 1 - n : n;
            ObjectNode item = data.addObject().put("object", "embedding").put("index", order == IndexOrder.DUPLICATE ? 0 : i);
            if (r.base64()) {
                item.put("embedding", base64(vectors.get(i)));
            } else {
                floats(item.putArray("embedding"), vectors.get(i));
            }
        }
        out.put("model", r.model());
        int tokens = tokens(r.texts());
        out.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    }

    static ObjectNode caption(SimRequest r, String caption) {
        ObjectNode out = JSON.createObjectNode();
        int completionTokens = caption.isEmpty() ? 0 : caption.split(" ").length;
        switch (r.endpoint()) {
            case OLLAMA_CHAT -> {
                out.put("model", r.model()).put("created_at", Instant.now().toString());
                out.putObject("message").put("role", "assistant").put("content", caption);
                out.put("done_reason", "stop").put("done", true).put("total_duration", 0)
                        .put("prompt_eval_count", 1).put("eval_count", completionTokens);
            }
            case OLLAMA_GENERATE -> out.put("model", r.model()).put("created_at", Instant.now().toString())
                    .put("response", caption).put("done", true).put("done_reason", "stop")
                    .put("prompt_eval_count", 1).put("eval_count", completionTokens);
            case OPENAI_CHAT -> {
                out.put("id", "chatcmpl-sim-" + COMPLETION_IDS.incrementAndGet())
                        .put("object", "chat.completion")
                        .put("created", Instant.now().getEpochSecond())
                        .put("model", r.model());
                ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
                choice.putObject("message").put("role", "assistant").put("content", caption);
                choice.put("finish_reason", "stop");
                out.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", completionTokens)
                        .put("total_tokens", 1 + completionTokens);
            }
            default -> throw new IllegalArgumentException(r.endpoint() + " is not a vision endpoint");
        }
        return out;
    }

    /**
     * An error body shaped as the endpoint's real service shapes it: OpenAI
     * {@code {"error":{"message":...}}}, Ollama {@code {"error":"..."}}, FastAPI
     * {@code {"detail":"..."}}, Cohere {@code {"message":"..."}}, Google
     * {@code {"error":{"code":400,"message":...,"status":...}}}.
     */
    static ObjectNode error(Endpoint e, int status, String message, String openAiType) {
        ObjectNode out = JSON.createObjectNode();
        switch (e == null ? Endpoint.ErrorStyle.OLLAMA : e.errorStyle()) {
            case OPENAI -> out.putObject("error").put("message", message).put("type", openAiType).putNull("param")
                    .putNull("code");
            case OLLAMA -> out.put("error", message);
            case DETAIL -> out.put("detail", message);
            case MESSAGE -> out.put("message", message);
            case GOOGLE -> out.putObject("error").put("code", status).put("message", message)
                    .put("status", googleStatus(status));
        }
        return out;
    }

    private static String googleStatus(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }

    private static void floatArrays(ArrayNode array, List<float[]> vectors) {
        vectors.forEach(v -> floats(array.addArray(), v));
    }

    private static void floats(ArrayNode array, float[] v) {
        for (float f : v) {
            array.add(f);
        }
    }

    /** OpenAI's base64 encoding: little-endian float32s. */
    private static String base64(float[] v) {
        ByteBuffer bytes = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(v);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** A rough token count: words. */
    private static int tokens(List<String> texts) {
        int n = 0;
        for (String t : texts) {
            n += t.isBlank() ? 0 : t.trim().split("\\s+").length;
        }
        return n;
    }
}
