package io.github.rembed.simulator;

import java.time.Duration;

/** Immutable settings of one running simulator. */
record SimConfig(int port, int dimensions, Latency embeddingLatency, Latency visionLatency,
                 int embeddingCapacity, int visionCapacity, Duration retryAfter, String requiredKey, long seed) {

    Latency latency(Endpoint e) {
        return e.vision() ? visionLatency : embeddingLatency;
    }

    int capacity(Endpoint e) {
        return e.vision() ? visionCapacity : embeddingCapacity;
    }
}
