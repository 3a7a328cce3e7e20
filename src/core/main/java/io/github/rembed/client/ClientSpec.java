package io.github.rembed.client;

import io.github.rembed.http.Redactor;
import java.time.Duration;

/**
 * Everything needed to reach one text-embedding model. The key never shows in {@link #toString()}.
 *
 * @param provider   who serves the model, and so the wire format and auth header
 * @param model      model name as the provider knows it
 * @param url        the endpoint requests are sent to ({@code null} for the in-process model)
 * @param key        API key or {@code null}
 * @param missingKey when the client talks to its provider's own host but no key was found: the
 *                   variables that were looked at, reported at first use (so a script may
 *                   register clients it never calls); otherwise {@code null}
 * @param batchSize  texts per request
 * @param timeout    per-request timeout
 */
public record ClientSpec(Provider provider, String model, String url, String key, String missingKey, int batchSize,
                         Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ClientSpec {
        key = Redactor.remember(key); // the registry keeps the key masked while this spec holds it
    }

    /** The in-process MiniLM model. */
    public static ClientSpec local() {
        return new ClientSpec(Provider.LOCAL, "all-minilm-l6-v2", null, null, null, Provider.LOCAL.defaultBatchSize(),
                DEFAULT_TIMEOUT);
    }

    /** The request and reply shapes spoken to {@link #url()}. */
    public Wire wire() {
        return provider.wire(url);
    }

    /** Throws the "no API key" error when this client needs a key it was not given. */
    public void requireKey() {
        Keys.require(provider, missingKey);
    }

    /** Where requests go, for messages: provider, model and URL, never the key. */
    public String describe() {
        return provider == Provider.LOCAL
                ? "local model " + model
                : provider.id() + " model '" + model + "' at " + Endpoints.display(url);
    }

    @Override
    public String toString() {
        return "ClientSpec[" + describe() + ", batchSize=" + batchSize + ", timeout=" + timeout.toSeconds() + "s"
                + (key == null ? "" : ", key=***") + "]";
    }
}
