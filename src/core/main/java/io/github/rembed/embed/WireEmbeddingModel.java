package io.github.rembed.embed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.github.rembed.client.ClientSpec;
import io.github.rembed.client.Wire;
import java.util.ArrayList;
import java.util.List;

/**
 * A remote model reached with one {@link WireFormat} over the project's one HTTP path
 * ({@code ProviderHttp}), behind LangChain4j's {@link EmbeddingModel}. One instance is bound
 * to one input type, so the type travels with the model like its name does.
 */
final class WireEmbeddingModel implements EmbeddingModel {
    private final ClientSpec spec;
    private final String inputType;
    private final WireFormat format;
    private final HttpClient http;

    WireEmbeddingModel(ClientSpec spec, String inputType, HttpClient http) {
        this.spec = spec;
        this.inputType = inputType;
        this.format = format(spec);
        this.http = http;
    }

    static WireFormat format(ClientSpec spec) {
        Wire wire = spec.wire();
        return switch (wire) {
            case OPENAI -> new OpenAiWire(spec.provider().inputTypeField());
            case OLLAMA -> new OllamaWire();
            case OLLAMA_LEGACY -> SingleTextWire.OLLAMA_LEGACY;
            case LLAMAFILE -> SingleTextWire.LLAMAFILE;
            case NOMIC -> new NomicWire();
            case COHERE_V2 -> new CohereWire(true);
            case COHERE_V1 -> new CohereWire(false);
            case GEMINI -> new GeminiWire();
            case LOCAL -> throw new IllegalArgumentException("the local model has no wire format");
        };
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        spec.requireKey();
        List<String> texts = segments.stream().map(TextSegment::text).toList();
        List<float[]> vectors = new ArrayList<>(texts.size());
        if (spec.wire().oneTextPerRequest()) {
            for (String text : texts) {
                vectors.addAll(send(List.of(text)));
            }
        } else {
            vectors.addAll(send(texts));
        }
        return Response.from(vectors.stream().map(v -> v == null ? null : Embedding.from(v)).toList());
    }

    private List<float[]> send(List<String> texts) {
        HttpRequest request = HttpRequest.builder()
                .method(HttpMethod.POST)
                .url(spec.url())
                .addHeader("Content-Type", "application/json")
                .addHeader("Accept", "application/json")
                .addHeaders(spec.provider().auth().headers(spec.key()))
                .body(format.body(spec.model(), texts, inputType).toString())
                .build();
        String body = http.execute(request).body();
        JsonNode reply;
        try {
            reply = WireFormat.JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ReplyJson.malformed("the body is not JSON");
        }
        if (reply == null || !reply.isObject()) {
            throw ReplyJson.malformed("the body is not a JSON object");
        }
        return format.vectors(reply, texts.size());
    }

    @Override
    public String modelName() {
        return spec.model();
    }
}
