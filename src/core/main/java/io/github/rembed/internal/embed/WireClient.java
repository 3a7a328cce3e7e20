package io.github.rembed.internal.embed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.http.client.HttpClient;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.client.Wire;
import io.github.rembed.internal.concurrency.TokenUsage;
import io.github.rembed.internal.engine.JsonExchange;
import java.util.ArrayList;
import java.util.List;

/**
 * A remote model reached with one {@link WireFormat} over the project's one HTTP path
 * ({@code ProviderHttp}): one attempt per call, no retry (the engine retries, counting every
 * attempt against the endpoint's limit). One instance is bound to one input type, so the type
 * travels with the model like its name does; the endpoint is chosen per request.
 */
final class WireClient {
    private final ClientSpec spec;
    private final String inputType;
    private final WireFormat format;
    private final HttpClient http;

    WireClient(ClientSpec spec, String inputType, HttpClient http) {
        this.spec = spec;
        this.inputType = inputType;
        this.format = format(spec);
        this.http = http;
    }

    static WireFormat format(ClientSpec spec) {
        Wire wire = spec.wire();
        return switch (wire) {
            case OPENAI -> new OpenAiWire(spec.provider().inputTypeField(), spec.dimensions(), spec.base64());
            case OLLAMA -> new OllamaWire(spec.dimensions());
            case OLLAMA_LEGACY -> SingleTextWire.OLLAMA_LEGACY;
            case LLAMAFILE -> SingleTextWire.LLAMAFILE;
            case NOMIC -> new NomicWire();
            case COHERE_V2 -> new CohereWire(true);
            case COHERE_V1 -> new CohereWire(false);
            case GEMINI -> new GeminiWire();
            case LOCAL -> throw new IllegalArgumentException("the local model has no wire format");
        };
    }

    /**
     * Embeds {@code texts} at the endpoint {@code url} (one of the client's), vector i for
     * text i, checked; the tokens the reply counts are added to {@code usage}.
     */
    List<float[]> send(String url, List<String> texts, TokenUsage usage) {
        if (!spec.wire().oneTextPerRequest()) {
            return exchange(url, texts, usage);
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.addAll(exchange(url, List.of(text), usage));
        }
        return vectors;
    }

    private List<float[]> exchange(String url, List<String> texts, TokenUsage usage) {
        JsonNode reply = JsonExchange.post(http, url, spec.provider().auth().headers(spec.key()),
                format.body(spec.model(), texts, inputType));
        List<float[]> vectors = format.vectors(reply, texts.size());
        ReplyCheck.check(vectors, texts.size());
        if (spec.dimensions() != null && vectors.get(0).length != spec.dimensions()) {
            throw ReplyJson.malformed(vectors.get(0).length + "-dimension embeddings where " + spec.dimensions()
                    + " were asked for");
        }
        usage.add(ReplyJson.inputTokens(reply), 0);
        return vectors;
    }
}
