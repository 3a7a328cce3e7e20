package io.github.rembed.remote;

import static io.github.rembed.SqlTestSupport.blob;
import static io.github.rembed.SqlTestSupport.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.rembed.SqlTestSupport;
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
}
