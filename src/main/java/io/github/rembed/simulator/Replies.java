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

/** Builds the JSON bodies OpenAI and Ollama send back, field names as the real servers spell them. */
final class Replies {
    /** Requests may carry images of tens of megabytes as one base64 string. */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build());
    private static final AtomicLong COMPLETION_IDS = new AtomicLong();

    private Replies() {
    }

    static ObjectNode embeddings(SimRequest r, List<float[]> vectors) {
        ObjectNode out = JSON.createObjectNode();
        switch (r.endpoint()) {
            case OPENAI_EMBEDDINGS -> {
                out.put("object", "list");
                ArrayNode data = out.putArray("data");
                for (int i = 0; i < vectors.size(); i++) {
                    ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
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
            case OLLAMA_EMBED -> {
                out.put("model", r.model());
                ArrayNode embeddings = out.putArray("embeddings");
                vectors.forEach(v -> floats(embeddings.addArray(), v));
                out.put("total_duration", 0).put("load_duration", 0).put("prompt_eval_count", tokens(r.texts()));
            }
            case OLLAMA_EMBEDDINGS -> floats(out.putArray("embedding"), vectors.isEmpty() ? new float[0] : vectors.get(0));
            default -> throw new IllegalArgumentException(r.endpoint() + " is not an embedding endpoint");
        }
        return out;
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

    /** Ollama: {"error":"..."}; OpenAI: {"error":{"message":"...","type":...}}. */
    static ObjectNode error(Endpoint e, String message, String openAiType) {
        ObjectNode out = JSON.createObjectNode();
        if (e != null && e.openAi()) {
            out.putObject("error").put("message", message).put("type", openAiType).putNull("param").putNull("code");
        } else {
            out.put("error", message);
        }
        return out;
    }

    private static void floats(ArrayNode array, float[] v) {
        for (float f : v) {
            array.add(f);
        }
    }

    /** OpenAI's base64 encoding: little-endian float32s. */
    private static String base64(float[] v) {
        ByteBuffer bytes = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            bytes.putFloat(f);
        }
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
