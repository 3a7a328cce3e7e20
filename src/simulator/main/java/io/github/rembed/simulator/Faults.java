package io.github.rembed.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Faults queued per endpoint; each queued fault is used by exactly one request. */
public final class Faults {
    private final Map<Endpoint, Deque<Fault>> pending = new EnumMap<>(Endpoint.class);

    Faults() {
    }

    /** The next {@code count} requests to {@code endpoint} get {@code fault}, later ones are normal. */
    public synchronized void failNext(Endpoint endpoint, int count, Fault fault) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(fault, "fault");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        Deque<Fault> queue = pending.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            queue.addLast(fault);
        }
    }

    /** Drops every queued fault. */
    public synchronized void clear() {
        pending.clear();
    }

    /** The fault for this request, or null. */
    synchronized Fault take(Endpoint endpoint) {
        Deque<Fault> queue = pending.get(endpoint);
        return queue == null ? null : queue.pollFirst();
    }
}
