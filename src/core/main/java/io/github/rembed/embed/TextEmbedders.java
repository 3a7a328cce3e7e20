package io.github.rembed.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.github.rembed.client.ClientSpec;
import io.github.rembed.engine.RetryPolicy;
import io.github.rembed.http.ProviderHttp;

/**
 * Builds and shares embedders: every connection whose client has the same provider, URL,
 * model, key and limits uses one instance (and so one HTTP pool).
 */
public final class TextEmbedders {
    private static final Cache<ClientSpec, TextEmbedder> SHARED = Caffeine.newBuilder().maximumSize(256).build();

    private TextEmbedders() {
    }

    public static TextEmbedder forSpec(ClientSpec spec) {
        return SHARED.get(spec, TextEmbedders::build);
    }

    private static TextEmbedder build(ClientSpec spec) {
        return switch (spec.provider()) {
            case LOCAL -> new LocalTextEmbedder(spec);
            case OPENAI -> new RemoteTextEmbedder(spec, openAi(spec), RetryPolicy.DEFAULT);
            case OLLAMA -> new RemoteTextEmbedder(spec, ollama(spec), RetryPolicy.DEFAULT);
        };
    }

    private static EmbeddingModel openAi(ClientSpec spec) {
        return OpenAiEmbeddingModel.builder()
                .httpClientBuilder(ProviderHttp.builder())
                .baseUrl(spec.baseUrl())
                .apiKey(spec.key())
                .modelName(spec.model())
                .timeout(spec.timeout())
                .maxSegmentsPerBatch(spec.batchSize())
                .maxRetries(0) // retries are ours: see Retrier
                .build();
    }

    private static EmbeddingModel ollama(ClientSpec spec) {
        return OllamaEmbeddingModel.builder()
                .httpClientBuilder(ProviderHttp.builder())
                .baseUrl(spec.baseUrl())
                .modelName(spec.model())
                .timeout(spec.timeout())
                .customHeaders(ProviderHttp.authorization(spec.key()))
                .maxRetries(0)
                .build();
    }
}
