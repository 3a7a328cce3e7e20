package io.github.rembed.internal.client;

import io.github.rembed.internal.http.Redactor;
import java.time.Duration;
import java.util.List;

/**
 * Everything needed to reach one vision (image to caption) model. The key never shows in
 * {@link #toString()}.
 *
 * @param provider   wire format ({@link Provider#OPENAI} or {@link Provider#OLLAMA})
 * @param model      model name as the provider knows it
 * @param baseUrl    the first base URL the provider's paths are appended to
 * @param key        API key or {@code null}
 * @param missingKey the key variables found empty although the client talks to OpenAI itself,
 *                   reported at first use; otherwise {@code null}
 * @param prompt     the instruction sent with every image
 * @param timeout    per-request timeout
 * @param baseUrls   every server of this model ({@code baseUrl} first); each request goes to one
 */
public record VisionSpec(Provider provider, String model, String baseUrl, String key, String missingKey,
                         String prompt, Duration timeout, List<String> baseUrls) {
    public static final String DEFAULT_PROMPT = "Describe this image in one detailed paragraph.";

    public VisionSpec {
        if (provider != Provider.OPENAI && provider != Provider.OLLAMA) {
            throw new IllegalArgumentException("no " + provider.id() + " vision model");
        }
        baseUrls = baseUrls == null || baseUrls.isEmpty() ? List.of(baseUrl) : List.copyOf(baseUrls);
        if (!baseUrls.get(0).equals(baseUrl)) {
            throw new IllegalArgumentException("baseUrl must be the first of baseUrls");
        }
        key = Redactor.remember(key); // the registry keeps the key masked while this spec holds it
    }

    /** One server. */
    public VisionSpec(Provider provider, String model, String baseUrl, String key, String missingKey, String prompt,
                      Duration timeout) {
        this(provider, model, baseUrl, key, missingKey, prompt, timeout, null);
    }

    /** The same model asked with another instruction, for {@code rembed_image_prompt}. */
    public VisionSpec withPrompt(String otherPrompt) {
        return new VisionSpec(provider, model, baseUrl, key, missingKey, otherPrompt, timeout, baseUrls);
    }

    /** The same model on one of its servers, {@code url}. */
    public VisionSpec at(String url) {
        return url.equals(baseUrl) && baseUrls.size() == 1 ? this
                : new VisionSpec(provider, model, url, key, missingKey, prompt, timeout, List.of(url));
    }

    /** Throws the "no API key" error when this client needs a key it was not given. */
    public void requireKey() {
        Keys.require(provider, missingKey);
    }

    /** Where requests go, for messages: provider, model and URLs, never the key. */
    public String describe() {
        return provider.id() + " vision model '" + model + "' at " + String.join(", ", baseUrls.stream().map(Redactor::url).toList());
    }

    @Override
    public String toString() {
        return "VisionSpec[" + describe() + ", timeout=" + timeout.toSeconds() + "s" + (key == null ? "" : ", key=***")
                + "]";
    }
}
