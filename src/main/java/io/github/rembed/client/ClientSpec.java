package io.github.rembed.client;

import io.github.rembed.http.Redactor;
import java.time.Duration;

/**
 * Everything needed to reach one text-embedding model. The key never shows in {@link #toString()}.
 *
 * @param provider  wire format
 * @param model     model name as the provider knows it
 * @param baseUrl   base URL the provider's paths are appended to ({@code null} for the in-process model)
 * @param key       API key or {@code null}
 * @param batchSize texts per request
 * @param timeout   per-request timeout
 */
public record ClientSpec(Provider provider, String model, String baseUrl, String key, int batchSize,
                         Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ClientSpec {
        key = Redactor.remember(key); // the registry keeps the key masked while this spec holds it
    }

    /** The in-process MiniLM model. */
    public static ClientSpec local() {
        return new ClientSpec(Provider.LOCAL, "all-minilm-l6-v2", null, null, Provider.LOCAL.defaultBatchSize(),
                DEFAULT_TIMEOUT);
    }

    /** Where requests go, for messages: provider, model and URL, never the key. */
    public String describe() {
        return provider == Provider.LOCAL
                ? "local model " + model
                : provider.id() + " model '" + model + "' at " + Redactor.url(baseUrl);
    }

    @Override
    public String toString() {
        return "ClientSpec[" + describe() + ", batchSize=" + batchSize + ", timeout=" + timeout.toSeconds() + "s"
                + (key == null ? "" : ", key=***") + "]";
    }
}
