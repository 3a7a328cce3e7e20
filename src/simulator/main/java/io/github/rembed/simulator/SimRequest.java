package io.github.rembed.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What one request asks for, whatever its wire format: texts to embed or images to describe.
 *
 * @param inputType  the task or input type the request names ({@code search_query}, ...), or null;
 *                   a text with one is embedded as {@code "<inputType>: <text>"}, so tests can see it
 *                   was sent
 * @param dimensions the requested vector length, or null for the simulator's default
 * @param base64     OpenAI {@code encoding_format: "base64"}
 * @param prompt     a vision request's instruction, or null
 */
record SimRequest(Endpoint endpoint, String model, List<String> texts, String inputType, List<byte[]> images,
                  Integer dimensions, boolean base64, String prompt) {

    static SimRequest embedding(Endpoint e, String model, List<String> texts, String inputType, Integer dimensions,
                                boolean base64) {
        return new SimRequest(e, model, List.copyOf(texts), inputType, List.of(), dimensions, base64, null);
    }

    static SimRequest vision(Endpoint e, String model, List<byte[]> images, String prompt) {
        return new SimRequest(e, model, List.of(), null, List.copyOf(images), null, false, prompt);
    }

    /** The text whose vector answers text {@code i}: the input type, when sent, is part of it. */
    String vectorText(int i) {
        return inputType == null ? texts.get(i) : inputType + ": " + texts.get(i);
    }

    /** The bytes that content markers and FLAKY tracking look at. */
    List<byte[]> contents() {
        return endpoint.vision() ? images : texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    int size() {
        return endpoint.vision() ? images.size() : texts.size();
    }
}
