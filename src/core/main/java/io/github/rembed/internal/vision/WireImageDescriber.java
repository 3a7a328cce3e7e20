package io.github.rembed.internal.vision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.http.client.HttpClient;
import io.github.rembed.RembedException;
import io.github.rembed.internal.client.Auth;
import io.github.rembed.internal.client.Provider;
import io.github.rembed.internal.client.VisionSpec;
import io.github.rembed.internal.concurrency.TokenUsage;
import io.github.rembed.internal.engine.JsonExchange;

/**
 * A vision model reached with its {@link VisionWire} over the project's one HTTP path: one
 * request per image, no retry. The JSON is built and read directly, as for the embedding wire
 * formats: a first call loads a few classes instead of a chat framework's.
 */
final class WireImageDescriber implements ImageDescriber {
    private final VisionSpec spec;
    private final VisionWire wire;
    private final HttpClient http;
    /** Where the describers of the spec's other servers come from. */
    private final VisionModels siblings;

    WireImageDescriber(VisionSpec spec, HttpClient http, VisionModels siblings) {
        this.spec = spec;
        this.wire = spec.provider() == Provider.OPENAI ? VisionWire.OPENAI : VisionWire.OLLAMA;
        this.http = http;
        this.siblings = siblings;
    }

    @Override
    public String describe(byte[] image, ImageType type) {
        return describe(image, type, new TokenUsage());
    }

    @Override
    public String describe(byte[] image, ImageType type, TokenUsage usage) {
        spec.requireKey();
        JsonNode reply = JsonExchange.post(http, spec.baseUrl() + wire.path(), Auth.BEARER.headers(spec.key()),
                wire.body(spec.model(), spec.prompt(), image, type));
        String caption = wire.caption(reply).trim();
        usage.add(wire.inputTokens(reply), wire.outputTokens(reply));
        if (caption.isEmpty()) {
            throw new RembedException("the model returned an empty caption");
        }
        return caption;
    }

    @Override
    public ImageDescriber at(String baseUrl) {
        return spec.baseUrls().size() == 1 && spec.baseUrl().equals(baseUrl) ? this
                : siblings.forSpec(spec.at(baseUrl));
    }

    @Override
    public VisionSpec spec() {
        return spec;
    }
}
