package io.github.rembed.internal.vision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.rembed.internal.client.VisionSpec;
import io.github.rembed.internal.engine.JsonExchange;
import io.github.rembed.internal.http.ProviderHttp;

/**
 * Builds and shares a runtime's describers: one per distinct {@link VisionSpec}, the least
 * recently used beyond {@code maxKept} dropped.
 */
public final class VisionModels {
    private final Cache<VisionSpec, ImageDescriber> describers;
    private final ProviderHttp http;

    public VisionModels(ProviderHttp http, int maxKept) {
        this.describers = Caffeine.newBuilder().maximumSize(maxKept).build();
        this.http = http;
    }

    public ImageDescriber forSpec(VisionSpec spec) {
        return describers.get(spec, s -> new WireImageDescriber(s, http.builder().readTimeout(s.timeout()).build(),
                this));
    }

    /**
     * Writes a request and reads a canned reply of each vision wire format once, sending
     * nothing, so that the classes of a first request are loaded before any call needs them.
     */
    public static void warmUp() {
        String[] replies = {"{\"message\":{\"role\":\"assistant\",\"content\":\"a caption\"},\"done\":true,"
                + "\"prompt_eval_count\":1,\"eval_count\":2}", "{\"choices\":[{\"index\":0,\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"a caption\"}}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}"};
        for (VisionWire wire : VisionWire.values()) {
            wire.body("warm-up", VisionSpec.DEFAULT_PROMPT, new byte[] {1, 2, 3}, ImageType.PNG).toString();
            try {
                var reply = JsonExchange.JSON.readTree(replies[wire.ordinal()]);
                wire.caption(reply);
                wire.inputTokens(reply);
                wire.outputTokens(reply);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the warm-up's own reply is not JSON", e);
            }
        }
    }
}
