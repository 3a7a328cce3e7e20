package io.github.rembed.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulator has seen since start or the last {@link #reset()}. */
public final class Metrics {
    /** Bounds each recorded list in long benchmark runs; tests see far fewer. */
    private static final int MAX_AUTHORIZATION_HEADERS = 100_000;

    private final Map<Endpoint, AtomicLong> requests = counters();
    private final Map<Endpoint, AtomicLong> inputs = counters();
    private final AtomicInteger inFlightVision = new AtomicInteger();
    private final AtomicInteger inFlightEmbedding = new AtomicInteger();
    private final AtomicInteger maxVision = new AtomicInteger();
    private final AtomicInteger maxEmbedding = new AtomicInteger();
    private final AtomicLong base64Replies = new AtomicLong();
    private final List<String> authorizationHeaders = new ArrayList<>();
    private final List<String> credentials = new ArrayList<>();
    private final List<String> prompts = new ArrayList<>();

    Metrics() {
    }

    private static Map<Endpoint, AtomicLong> counters() {
        Map<Endpoint, AtomicLong> m = new EnumMap<>(Endpoint.class);
        for (Endpoint e : Endpoint.values()) {
            m.put(e, new AtomicLong());
        }
        return m;
    }

    /** HTTP requests received on {@code e}, faulted and rejected ones included. */
    public long requests(Endpoint e) {
        return requests.get(e).get();
    }

    /** Texts embedded or images described successfully on {@code e}. */
    public long inputs(Endpoint e) {
        return inputs.get(e).get();
    }

    /** Embedding replies sent as base64 float32s (OpenAI's {@code encoding_format: base64}). */
    public long base64Replies() {
        return base64Replies.get();
    }

    /** Peak number of vision requests in flight at once since reset. */
    public int maxConcurrentVision() {
        return maxVision.get();
    }

    /** Peak number of embedding requests in flight at once since reset. */
    public int maxConcurrentEmbedding() {
        return maxEmbedding.get();
    }

    /** Every {@code Authorization} header value received, in order (first 100,000 kept). */
    public List<String> authorizationHeaders() {
        synchronized (authorizationHeaders) {
            return List.copyOf(authorizationHeaders);
        }
    }

    /**
     * Every credential received, in order, wherever it was carried: {@code Authorization},
     * {@code x-goog-api-key} and {@code api-key} headers and a {@code key} query parameter
     * (first 100,000 kept).
     */
    public List<String> credentials() {
        synchronized (credentials) {
            return List.copyOf(credentials);
        }
    }

    /** The instruction of every vision request answered, in order (first 100,000 kept). */
    public List<String> visionPrompts() {
        synchronized (prompts) {
            return List.copyOf(prompts);
        }
    }

    /** Zeroes counters and peaks and forgets headers; requests in flight stay counted as in flight. */
    public void reset() {
        requests.values().forEach(c -> c.set(0));
        inputs.values().forEach(c -> c.set(0));
        base64Replies.set(0);
        maxVision.set(inFlightVision.get());
        maxEmbedding.set(inFlightEmbedding.get());
        synchronized (authorizationHeaders) {
            authorizationHeaders.clear();
        }
        synchronized (credentials) {
            credentials.clear();
        }
        synchronized (prompts) {
            prompts.clear();
        }
    }

    void prompt(String prompt) {
        synchronized (prompts) {
            if (prompts.size() < MAX_AUTHORIZATION_HEADERS) {
                prompts.add(prompt);
            }
        }
    }

    void request(Endpoint e, String authorization, List<String> credentialsSent) {
        requests.get(e).incrementAndGet();
        if (authorization != null) {
            synchronized (authorizationHeaders) {
                if (authorizationHeaders.size() < MAX_AUTHORIZATION_HEADERS) {
                    authorizationHeaders.add(authorization);
                }
            }
        }
        synchronized (credentials) {
            if (credentials.size() < MAX_AUTHORIZATION_HEADERS) {
                credentials.addAll(credentialsSent);
            }
        }
    }

    void served(Endpoint e, int count) {
        inputs.get(e).addAndGet(count);
    }

    void base64Reply() {
        base64Replies.incrementAndGet();
    }

    /** Admits a request if fewer than {@code capacity} of its kind are in flight. */
    boolean enter(Endpoint e, int capacity) {
        AtomicInteger inFlight = e.vision() ? inFlightVision : inFlightEmbedding;
        int now;
        do {
            now = inFlight.get();
            if (now >= capacity) {
                return false;
            }
        } while (!inFlight.compareAndSet(now, now + 1));
        (e.vision() ? maxVision : maxEmbedding).accumulateAndGet(now + 1, Math::max);
        return true;
    }

    void leave(Endpoint e) {
        (e.vision() ? inFlightVision : inFlightEmbedding).decrementAndGet();
    }
}
