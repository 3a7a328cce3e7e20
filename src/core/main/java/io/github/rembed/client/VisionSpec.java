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
 * @param missingKey the key variables found empty although the client talks to OpenAI itself,
 *                 reported at first use; otherwise {@code null}
 * @param prompt   the instruction sent with every image
 * @param timeout  per-request timeout
 */
public record VisionSpec(Provider provider, String model, String baseUrl, String key, String missingKey,
                         String prompt, Duration timeout) {
    public static final String DEFAULT_PROMPT = "Describe this image in one detailed paragraph.";

    public VisionSpec {
        if (provider != Provider.OPENAI && provider != Provider.OLLAMA) {
            throw new IllegalArgumentException("no " + provider.id() + " vision model");
        }
        key = Redactor.remember(key); // the registry keeps the key masked while this spec holds it
    }

    /** The same model asked with another instruction, for {@code rembed_image_prompt}. */
    public VisionSpec withPrompt(String otherPrompt) {
        return new VisionSpec(provider, model, baseUrl, key, missingKey, otherPrompt, timeout);
    }

    /** Throws the "no API key" error when this client needs a key it was not given. */
    public void requireKey() {
        Keys.require(provider, missingKey);
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
