package io.github.rembed.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the scale rows: text batches at concurrency c, an adaptive limit against
 * fixed ones on a server of limited capacity, several servers against one. The text rows use the
 * issue's 200 ms per request in both runs; the quick run halves the other latencies and shortens
 * the runs.
 *
 * @param texts              texts of each rembed_batch concurrency row
 * @param textBatch          batch_size of those rows
 * @param textLatencyMs      simulated latency of one embedding request in those rows
 * @param concurrencies      the c of those rows
 * @param capacity           requests the capacity-limited server serves at once (429 beyond)
 * @param capacityLatencyMs  its latency per request
 * @param retryAfterMs       the Retry-After it sends with each 429
 * @param capacityRequests   requests (one text each) per adaptive-versus-fixed row
 * @param fixedLimits        the fixed limits it is compared with
 * @param serverTexts        texts of the three-servers-versus-one text rows (batch_size 8, limit 4 per server)
 * @param serverImages       images of the three-servers-versus-one image rows (limit 4 per server)
 */
record ScaleParams(int texts, int textBatch, int textLatencyMs, List<Integer> concurrencies, int capacity,
                   int capacityLatencyMs, int retryAfterMs, int capacityRequests, List<Integer> fixedLimits,
                   int serverTexts, int serverImages) {

    static ScaleParams of(String mode) {
        return mode.equals("quick")
                ? new ScaleParams(1024, 64, 200, List.of(1, 2, 4, 8, 16), 6, 50, 100, 480, List.of(2, 4, 6, 8, 12),
                        480, 48)
                : new ScaleParams(1024, 64, 200, List.of(1, 2, 4, 8, 16), 6, 100, 200, 1200, List.of(2, 4, 6, 8, 12),
                        1920, 96);
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text concurrency rows", texts + " texts, batch_size " + textBatch + ", " + textLatencyMs
                + " ms per request, c = " + concurrencies);
        m.put("adaptive rows", "server of capacity " + capacity + " (429 + Retry-After " + retryAfterMs
                + " ms beyond), " + capacityLatencyMs + " ms per request, " + capacityRequests
                + " requests of one text, fixed limits " + fixedLimits + " and 'auto'");
        m.put("servers rows", serverTexts + " texts (batch_size 8) and " + serverImages
                + " images (batch_size 10), max_concurrent_requests 4 per server, each server refusing beyond 4");
        return m;
    }
}
