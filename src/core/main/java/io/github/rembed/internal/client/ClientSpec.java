package io.github.rembed.internal.client;

import io.github.rembed.internal.concurrency.LimitSpec;
import io.github.rembed.internal.http.Redactor;
import java.time.Duration;
import java.util.List;

/**
 * Everything needed to reach one text-embedding model. The key never shows in {@link #toString()}.
 *
 * @param provider      who serves the model, and so the wire format and auth header
 * @param model         model name as the provider knows it
 * @param url           the first endpoint requests are sent to ({@code null} for the in-process model)
 * @param key           API key or {@code null}
 * @param missingKey    when the client talks to its provider's own host but no key was found: the
 *                      variables that were looked at, reported at first use (so a script may
 *                      register clients it never calls); otherwise {@code null}
 * @param batchSize     texts per request
 * @param timeout       per-request timeout
 * @param urls          every endpoint ({@code url} first): model servers that serve the same model,
 *                      each request goes to one of them; empty for the in-process model
 * @param maxConcurrent requests in flight at once per endpoint, shared process-wide: a number or adaptive
 * @param dimensions    the vector length asked of the model ({@code dimensions}), or {@code null}
 * @param base64        whether replies are asked for as base64 float32 ({@code encoding_format})
 */
public record ClientSpec(Provider provider, String model, String url, String key, String missingKey, int batchSize,
                         Duration timeout, List<String> urls, LimitSpec maxConcurrent, Integer dimensions,
                         boolean base64) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Requests in flight per endpoint when the options do not say. */
    public static final LimitSpec DEFAULT_MAX_CONCURRENT = LimitSpec.fixed(4);

    public ClientSpec {
        key = Redactor.remember(key); // the registry keeps the key masked while this spec holds it
        urls = urls == null || urls.isEmpty() ? (url == null ? List.of() : List.of(url)) : List.copyOf(urls);
        if (url != null && !url.equals(urls.get(0))) {
            throw new IllegalArgumentException("url must be the first of urls");
        }
        if (maxConcurrent == null) {
            maxConcurrent = DEFAULT_MAX_CONCURRENT;
        }
    }

    /** One endpoint, the default limit, the model's own dimensions and float replies. */
    public ClientSpec(Provider provider, String model, String url, String key, String missingKey, int batchSize,
                      Duration timeout) {
        this(provider, model, url, key, missingKey, batchSize, timeout, null, null, null, false);
    }

    /** The in-process MiniLM model. */
    public static ClientSpec local() {
        return new ClientSpec(Provider.LOCAL, "all-minilm-l6-v2", null, null, null, Provider.LOCAL.defaultBatchSize(),
                DEFAULT_TIMEOUT);
    }

    /** The request and reply shapes spoken to {@link #url()} (and so to every endpoint). */
    public Wire wire() {
        return provider.wire(url);
    }

    /** Throws the "no API key" error when this client needs a key it was not given. */
    public void requireKey() {
        Keys.require(provider, missingKey);
    }

    /** Where requests go, for messages: provider, model and URLs, never the key. */
    public String describe() {
        return provider == Provider.LOCAL
                ? "local model " + model
                : provider.id() + " model '" + model + "' at " + String.join(", ",
                        urls.stream().map(Endpoints::display).toList());
    }

    @Override
    public String toString() {
        return "ClientSpec[" + describe() + ", batchSize=" + batchSize + ", timeout=" + timeout.toSeconds() + "s"
                + ", max_concurrent_requests=" + maxConcurrent + (dimensions == null ? "" : ", dimensions=" + dimensions)
                + (base64 ? ", base64" : "") + (key == null ? "" : ", key=***") + "]";
    }
}
