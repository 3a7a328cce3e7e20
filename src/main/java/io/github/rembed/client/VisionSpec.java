package io.github.rembed.client;

import io.github.rembed.http.Redactor;
import java.time.Duration;

/**
 * Everything needed to reach one vision (image to caption) model. The key never shows in
 * {@link #toString()}.
 *
 * @param provider wire format ({@link Provider#OPENAI} or {@link Provider#OLLAMA})
 * @param model    model name as the provider knows it
 * @param baseUrl  base URL the provider's paths are appended to
 * @param key      API key or {@code null}
 * @param prompt   the instruction sent with every image
 * @param timeout  per-request timeout
 */
public record VisionSpec(Provider provider, String model, String baseUrl, String key, String prompt,
                         Duration timeout) {
    public static final String DEFAULT_PROMPT = "Describe this image in one detailed paragraph.";

    public VisionSpec {
        if (provider == Provider.LOCAL) {
            throw new IllegalArgumentException("no in-process vision model");
        }
        key = Redactor.remember(key); // the registry keeps the key masked while this spec holds it
    }

    /** Where requests go, for messages: provider, model and URL, never the key. */
    public String describe() {
        return provider.id() + " vision model '" + model + "' at " + Redactor.url(baseUrl);
    }

    @Override
    public String toString() {
        return "VisionSpec[" + describe() + ", timeout=" + timeout.toSeconds() + "s" + (key == null ? "" : ", key=***")
                + "]";
    }
}
