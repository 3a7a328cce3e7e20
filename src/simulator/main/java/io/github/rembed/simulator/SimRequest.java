package io.github.rembed.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What one request asks for, whatever its wire format: texts to embed or images to describe.
 *
 * @param dimensions the requested vector length, or null for the simulator's default
 * @param base64 OpenAI {@code encoding_format: "base64"}
 */
record SimRequest(Endpoint endpoint, String model, List<String> texts, List<byte[]> images,
                  Integer dimensions, boolean base64) {

    static SimRequest embedding(Endpoint e, String model, List<String> texts, Integer dimensions, boolean base64) {
        return new SimRequest(e, model, List.copyOf(texts), List.of(), dimensions, base64);
    }

    static SimRequest vision(Endpoint e, String model, List<byte[]> images) {
        return new SimRequest(e, model, List.of(), List.copyOf(images), null, false);
    }

    /** The bytes that content markers and FLAKY tracking look at. */
    List<byte[]> contents() {
        return endpoint.vision() ? images : texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    int size() {
        return endpoint.vision() ? images.size() : texts.size();
    }
}
