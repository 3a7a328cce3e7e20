package io.github.rembed;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Images per second through {@code rembed_images_concurrent} at several concurrency limits,
 * against the simulator with ~100 ms of vision latency. Off by default:
 * {@code mvn test -Dtest=ImagesThroughputBench -Drembed.bench=true}.
 */
@EnabledIfSystemProperty(named = "rembed.bench", matches = "true")
class ImagesThroughputBench {
    private static final int IMAGES = 64;

    @Test
    void imagesPerSecondByConcurrency() throws Exception {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(768)
                .visionLatency(Latency.fixed(Duration.ofMillis(100)))
                .embeddingLatency(Latency.fixed(Duration.ofMillis(10))).start();
             Connection conn = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Rembed.register(conn);
            System.out.println("concurrency  images/s  total_ms  vision_p50  embedding_requests");
            for (int c : new int[] {1, 2, 4, 8, 16}) {
                try (Statement s = conn.createStatement()) {
                    s.executeUpdate("INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('c" + c + "', "
                            + "rembed_multimodal_client_options('format', 'ollama', 'url', '" + sim.baseUrl()
                            + "', 'max_concurrent_requests', " + c + ", 'batch_size', 10))");
                }
                List<byte[]> images = new ArrayList<>();
                for (int i = 0; i < IMAGES; i++) {
                    images.add(TestImages.unique()); // fresh images: nothing from the cache
                }
                JsonNode stats = SimSql.JSON.readTree(SimSql.string(conn, "SELECT rembed_images_concurrent('c" + c
                        + "', " + SimSql.jsonArray(images) + ")")).get("stats");
                System.out.printf("%11d  %8.2f  %8d  %10d  %18d%n", c, stats.get("throughput").asDouble(),
                        stats.get("total_duration_ms").asLong(), stats.get("vision").get("p50_ms").asLong(),
                        stats.get("embedding").get("requests").asLong());
            }
        }
    }
}
