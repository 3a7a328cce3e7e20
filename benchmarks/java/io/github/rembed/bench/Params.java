package io.github.rembed.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run depends on. The full run scales the simulated vision latency so that the
 * Sequential row lands on the document's 0.33 images/s (2.9 s vision + 0.1 s embedding per
 * image); the quick run divides every latency by ten and uses fewer images. Rows are judged
 * as ratios to their ideal, so both runs are comparable.
 *
 * @param visionMs          median simulated vision latency per request
 * @param embedMs           simulated embedding latency per request (whatever its batch size)
 * @param sequentialImages  images in the Sequential row
 * @param rounds            Concurrent-c and Streaming rows process c x rounds images
 * @param concurrencies     the Concurrent-c rows
 * @param streamConcurrency concurrency of the Streaming row (the document's Streaming-5 ran at 4)
 * @param streamBatch       caption batch size of the Streaming row
 * @param jitterSigma       log-normal sigma of the barrier-versus-window rows
 * @param jitterImages      images in each barrier-versus-window row
 * @param barrierGroup      images per group of the batch-barrier strategy
 * @param textLatencyMs     simulated latency of one remote text embedding request
 * @param remoteTexts       texts in the remote rembed-versus-rembed_batch rows
 * @param localTexts        texts in the in-process model rows
 * @param cacheCalls        calls per measured round of the cache-hit row
 * @param heapVisionMs      vision latency of the heap rows (small: they are about memory)
 * @param heapConcurrency   max_concurrent_requests of the heap rows
 * @param heapSmall         images in the shorter stream the long one is compared with
 * @param heapLarge         images in the long stream
 * @param imageBytes        size of each generated image
 */
record Params(String mode, int visionMs, int embedMs, int sequentialImages, int rounds, List<Integer> concurrencies,
              int streamConcurrency, int streamBatch, double jitterSigma, int jitterImages, int barrierGroup,
              int textLatencyMs, int remoteTexts, int localTexts, int cacheCalls,
              int heapVisionMs, int heapConcurrency, int heapSmall, int heapLarge, int imageBytes) {

    static final int DIMENSIONS = 768;

    static Params full() {
        return new Params("full", 2900, 100, 10, 5, List.of(2, 4, 6, 8, 16, 64), 4, 5, 0.5, 50, 5,
                20, 640, 1000, 2000, 20, 8, 1000, 10_000, 8 * 1024);
    }

    static Params quick() {
        return new Params("quick", 290, 10, 5, 3, List.of(2, 4, 6, 8, 16, 64), 4, 5, 0.5, 25, 5,
                5, 320, 256, 1000, 20, 8, 1000, 10_000, 8 * 1024);
    }

    /** Seconds one image takes when done alone: vision then embedding. */
    double sequentialSeconds() {
        return (visionMs + embedMs) / 1000.0;
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode);
        m.put("vision latency (fixed)", visionMs + " ms");
        m.put("embedding latency (fixed, per request)", embedMs + " ms");
        m.put("Sequential images", sequentialImages);
        m.put("Concurrent-c / Streaming images", "c x " + rounds);
        m.put("Streaming", "max_concurrent_requests " + streamConcurrency + ", batch_size " + streamBatch);
        m.put("jitter rows", jitterImages + " images, vision log-normal median " + visionMs + " ms sigma "
                + jitterSigma + ", barrier groups of " + barrierGroup);
        m.put("remote text rows", remoteTexts + " texts, " + textLatencyMs + " ms per request, batch_size 64");
        m.put("in-process model rows", localTexts + " texts");
        m.put("cache-hit row", cacheCalls + " calls per round, best of 5 rounds");
        m.put("heap rows", heapSmall + " and " + heapLarge + " images, vision " + heapVisionMs + " ms, "
                + "max_concurrent_requests " + heapConcurrency);
        m.put("image size", imageBytes + " bytes (1x1 PNG + unique padding)");
        m.put("embedding dimensions", DIMENSIONS);
        return m;
    }
}
