package io.github.rembed.internal.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rembed.BatchResult;
import io.github.rembed.BatchStats;
import io.github.rembed.ItemResult;
import io.github.rembed.internal.embed.Vectors;
import java.util.List;

/** The JSON {@code rembed_images_concurrent} returns: embeddings in input order, errors, stats. */
final class ImagesJson {
    private ImagesJson() {
    }

    static String render(BatchResult result) {
        ObjectNode out = JsonArrays.JSON.createObjectNode();
        ArrayNode embeddings = out.putArray("embeddings");
        ArrayNode errors = out.putArray("errors");
        for (ItemResult r : result.items()) {
            switch (r) {
                case ItemResult.Embedded e -> embeddings.add(Vectors.toBase64(e.vector()));
                case ItemResult.Failed f -> {
                    embeddings.addNull();
                    errors.addObject().put("index", f.index()).put("stage", f.stage().id()).put("error", f.error());
                }
            }
        }
        BatchStats s = result.stats();
        ObjectNode stats = out.putObject("stats");
        stats.put("total_processed", s.totalProcessed());
        stats.put("successful", s.successful());
        stats.put("failed", s.failed());
        stats.put("total_duration_ms", s.totalDurationMs());
        stats.put("avg_time_per_item_ms", s.avgTimePerItemMs());
        stats.put("throughput", s.throughput());
        stats.put("max_concurrent_requests", s.maxConcurrentRequests());
        stats.put("retries", s.retries());
        stats.put("cache_hits", s.cacheHits());
        usage(stats.putObject("usage"), s.usage());
        ObjectNode vision = stats.putObject("vision").put("requests", s.vision().requests())
                .put("cache_hits", s.vision().cacheHits()).put("p50_ms", s.vision().p50Ms())
                .put("p95_ms", s.vision().p95Ms());
        usage(vision.putObject("usage"), s.vision().usage());
        endpoints(vision.putArray("endpoints"), s.vision().endpoints());
        ObjectNode embedding = stats.putObject("embedding").put("requests", s.embedding().requests())
                .put("texts", s.embedding().texts()).put("cache_hits", s.embedding().cacheHits());
        usage(embedding.putObject("usage"), s.embedding().usage());
        endpoints(embedding.putArray("endpoints"), s.embedding().endpoints());
        return out.toString();
    }

    private static void usage(ObjectNode out, BatchStats.Usage u) {
        out.put("input_tokens", u.inputTokens()).put("output_tokens", u.outputTokens())
                .put("total_tokens", u.totalTokens());
    }

    private static void endpoints(ArrayNode out, List<BatchStats.Endpoint> endpoints) {
        for (BatchStats.Endpoint e : endpoints) {
            out.addObject().put("url", e.url()).put("state", e.state()).put("limit", e.limit())
                    .put("in_flight", e.inFlight()).put("adaptive", e.adaptive());
        }
    }
}
