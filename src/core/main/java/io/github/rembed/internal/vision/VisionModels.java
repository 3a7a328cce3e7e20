package io.github.rembed.internal.vision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.rembed.internal.client.VisionSpec;
import io.github.rembed.internal.engine.JsonExchange;
import io.github.rembed.internal.http.ProviderHttp;

/** Builds and shares describers: one per distinct {@link VisionSpec} in the process. */
public final class VisionModels {
    private static final Cache<VisionSpec, ImageDescriber> SHARED = Caffeine.newBuilder().maximumSize(256).build();

    private VisionModels() {
    }

    public static ImageDescriber forSpec(VisionSpec spec) {
        return SHARED.get(spec, s -> new WireImageDescriber(s,
                ProviderHttp.builder().readTimeout(s.timeout()).build()));
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
