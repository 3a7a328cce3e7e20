package io.github.rembed.remote;

import static io.github.rembed.SqlTestSupport.blob;
import static io.github.rembed.SqlTestSupport.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.rembed.SqlTestSupport;
import io.github.rembed.TestImages;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQL functions called from virtual threads pin their carriers while they wait in native
 * code; with two cores, anything the wait depends on must not need a free carrier.
 */
class VirtualThreadCallersTest {
    @ParameterizedTest
    @ValueSource(ints = {2, 8, 32})
    void manyVirtualCallersOnTheirOwnConnectionsAllComplete(int callers) throws Exception {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(8)
                .embeddingLatency(Latency.fixed(Duration.ofMillis(20))).start()) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<Integer>> results = new ArrayList<>();
                    for (int i = 0; i < callers; i++) {
                        int n = i;
                        results.add(pool.submit(() -> {
                            try (Connection c = SqlTestSupport.open()) {
                                exec(c, "INSERT INTO temp.rembed_clients VALUES ('ol', rembed_client_options("
                                        + "'format', 'ollama', 'model', 'm', 'url', '" + sim.baseUrl() + "'))");
                                int bytes = 0;
                                for (int k = 0; k < 3; k++) {
                                    bytes += blob(c, "SELECT rembed('ol', 'caller " + n + " call " + k + "')").length;
                                }
                                return bytes;
                            }
                        }));
                    }
                    for (Future<Integer> r : results) {
                        assertEquals(3 * 8 * 4, r.get());
                    }
                }
            });
        }
    }

    /**
     * The deepest nesting: each caption batch of an image call sends its texts one request
     * each (Ollama's older one-text endpoint) through concurrent batches of its own, started
     * from a pipeline worker that serves a virtual caller; with rembed_batch of many batches
     * beside it.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 8})
    void virtualCallersOfConcurrentBatchesAndImageCallsAllComplete(int callers) throws Exception {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(8)
                .embeddingLatency(Latency.fixed(Duration.ofMillis(10)))
                .visionLatency(Latency.fixed(Duration.ofMillis(10))).start()) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<String>> results = new ArrayList<>();
                    for (int i = 0; i < callers; i++) {
                        int n = i;
                        results.add(pool.submit(() -> {
                            try (Connection c = SqlTestSupport.open()) {
                                exec(c, "INSERT INTO temp.rembed_clients VALUES ('ol', rembed_client_options("
                                        + "'format', 'ollama', 'model', 'm', 'url', '" + sim.baseUrl() + "', "
                                        + "'batch_size', 2, 'max_concurrent_requests', 3))");
                                exec(c, "INSERT INTO temp.rembed_multimodal_clients VALUES ('mm', "
                                        + "rembed_multimodal_client_options('format', 'ollama', 'url', '"
                                        + sim.baseUrl() + "/api/embeddings', 'max_concurrent_requests', 3, "
                                        + "'batch_size', 4))");
                                String texts = SqlTestSupport.text(c, "SELECT json_array_length(rembed_batch('ol', "
                                        + "json_array('a" + n + "', 'b', 'c', 'd', 'e', 'f', 'g')))");
                                String images = SqlTestSupport.text(c, "SELECT rembed_images_concurrent('mm', json_array("
                                        + TestImages.sqlBase64(TestImages.unique()) + ", "
                                        + TestImages.sqlBase64(TestImages.unique()) + ", "
                                        + TestImages.sqlBase64(TestImages.unique()) + ")) ->> '$.stats.successful'");
                                return texts + "/" + images;
                            }
                        }));
                    }
                    for (Future<String> r : results) {
                        assertEquals("7/3", r.get());
                    }
                }
            });
        }
    }
}
