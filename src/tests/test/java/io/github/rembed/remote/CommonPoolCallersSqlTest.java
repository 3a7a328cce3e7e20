package io.github.rembed.remote;

import static io.github.rembed.SqlTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rembed.RembedConfig;
import io.github.rembed.SqlTestSupport;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * SQL calls made on the common ForkJoinPool (parallel streams, {@code supplyAsync}) get their
 * replies although they hold every worker of that pool: no HTTP exchange may need it.
 */
class CommonPoolCallersSqlTest {
    @Test
    void callsThatHoldEveryCommonPoolWorkerStillGetTheirReplies() throws Exception {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(8)
                .embeddingLatency(Latency.fixed(Duration.ofMillis(20))).start()) {
            // A short request timeout: a reply stuck behind the busy pool fails the call instead of hanging.
            RembedConfig config = RembedConfig.builder().client("sim", "{\"format\":\"ollama\",\"model\":\"m\","
                    + "\"url\":\"" + sim.baseUrl() + "\",\"batch_size\":2,\"request_timeout_sec\":5}").build();
            int callers = ForkJoinPool.commonPool().getParallelism();
            List<Connection> connections = new ArrayList<>();
            try {
                List<CompletableFuture<String>> calls = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    Connection c = SqlTestSupport.open(config);
                    connections.add(c);
                    calls.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return text(c, "SELECT rembed_batch('sim', json_array('a', 'b', 'c', 'd'))");
                        } catch (SQLException e) {
                            throw new IllegalStateException(e.getMessage(), e);
                        }
                    }));
                }
                for (CompletableFuture<String> call : calls) {
                    assertEquals(4, new ObjectMapper().readTree(call.get()).size());
                }
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
            }
        }
    }
}
