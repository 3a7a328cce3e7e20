package io.github.rembed.vision;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.github.rembed.client.Auth;
import io.github.rembed.client.VisionSpec;
import io.github.rembed.http.ProviderHttp;

/** Builds and shares describers: one per distinct {@link VisionSpec} in the process. */
public final class VisionModels {
    private static final Cache<VisionSpec, ImageDescriber> SHARED = Caffeine.newBuilder().maximumSize(256).build();

    private VisionModels() {
    }

    public static ImageDescriber forSpec(VisionSpec spec) {
        return SHARED.get(spec, s -> new ChatImageDescriber(s, build(s)));
    }

    private static ChatModel build(VisionSpec spec) {
        return switch (spec.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(ProviderHttp.builder())
                    .baseUrl(spec.baseUrl())
                    // OpenAI-compatible servers without auth still need a non-empty key in the builder.
                    .apiKey(spec.key() == null ? "none" : spec.key())
                    .modelName(spec.model())
                    .timeout(spec.timeout())
                    .maxRetries(0) // retries are ours: see concurrency.LeasedRequest
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .httpClientBuilder(ProviderHttp.builder())
                    .baseUrl(spec.baseUrl())
                    .modelName(spec.model())
                    .timeout(spec.timeout())
                    .customHeaders(Auth.BEARER.headers(spec.key()))
                    .maxRetries(0)
                    .build();
            default -> throw new IllegalArgumentException("no " + spec.provider().id() + " vision model");
        };
    }
}
