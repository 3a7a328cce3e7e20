package io.github.rembed.client;

import io.github.rembed.RembedException;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client names one connection knows, kept in step with its {@code temp.rembed_clients}
 * rows by triggers. Names are per connection, as in sqlite-rembed; what they point at
 * (HTTP pools, limits, caches) is shared process-wide.
 */
public final class ConnectionClients {
    private final Map<String, ClientSpec> text = new ConcurrentHashMap<>();
    private final Map<String, MultimodalSpec> multimodal = new ConcurrentHashMap<>();

    public void put(String name, ClientSpec spec) {
        text.put(name, spec);
    }

    public void remove(String name) {
        text.remove(name);
    }

    public boolean has(String name) {
        return text.containsKey(name);
    }

    /** The client called {@code name}, or an error that lists the clients that do exist. */
    public ClientSpec text(String name) {
        ClientSpec spec = text.get(name);
        if (spec == null) {
            throw new RembedException("unknown client '" + name + "'; registered clients: "
                    + String.join(", ", new TreeSet<>(text.keySet()))
                    + " (add one with INSERT INTO temp.rembed_clients(name, options))");
        }
        return spec;
    }

    public void putMultimodal(String name, MultimodalSpec spec) {
        multimodal.put(name, spec);
    }

    public void removeMultimodal(String name) {
        multimodal.remove(name);
    }

    public boolean hasMultimodal(String name) {
        return multimodal.containsKey(name);
    }

    /** The multimodal client called {@code name}, or an error that lists the ones that do exist. */
    public MultimodalSpec multimodal(String name) {
        MultimodalSpec spec = multimodal.get(name);
        if (spec == null) {
            throw new RembedException("unknown multimodal client '" + name + "'; registered multimodal clients: "
                    + String.join(", ", new TreeSet<>(multimodal.keySet()))
                    + " (add one with INSERT INTO temp.rembed_multimodal_clients(name, options))");
        }
        return spec;
    }
}
