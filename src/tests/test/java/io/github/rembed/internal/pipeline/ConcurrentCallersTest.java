package io.github.rembed.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rembed.SimServer;
import io.github.rembed.SimSql;
import io.github.rembed.TestImages;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.simulator.Latency;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many callers at once, each on its own connection. Virtual-thread callers are the trap: the
 * SQL function pins their carriers while it waits, so with workers on virtual threads too
 * they would deadlock on a 2-core machine.
 */
class ConcurrentCallersTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(SimSql.DIMS)
            .visionLatency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5))));

    @ParameterizedTest(name = "{0} virtual-thread callers")
    @ValueSource(ints = {2, 8, 32})
    void virtualThreadCallersAllComplete(int callers) throws Exception {
        runCallers(callers, Thread.ofVirtual().factory());
    }

    @ParameterizedTest(name = "{0} platform-thread callers")
    @ValueSource(ints = {16})
    void platformThreadCallersAllComplete(int callers) throws Exception {
        runCallers(callers, Thread.ofPlatform().factory());
    }

    private static void runCallers(int callers, ThreadFactory threads) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newThreadPerTaskExecutor(threads);
        boolean completed = false;
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                done.add(pool.submit(() -> {
                    Connection conn = SimSql.open(sim.baseUrl(), 4, 30, 5);
                    opened.add(conn);
                    List<byte[]> images = List.of(TestImages.unique(), TestImages.unique(), TestImages.unique(),
                            TestImages.unique());
                    go.await();
                    JsonNode r = SimSql.concurrent(conn, images);
                    for (int i = 0; i < images.size(); i++) {
                        assertArrayEquals(SimSql.expected(images.get(i)), Vectors.fromBlob(
                                Base64.getDecoder().decode(r.get("embeddings").get(i).asText())));
                    }
                    return null;
                }));
            }
            go.countDown();
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                for (Future<?> f : done) {
                    f.get();
                }
            });
            assertEquals(callers, done.size());
            assertTrue(sim.metrics().maxConcurrentVision() <= 4,
                    "the limit of 4 holds for the endpoint across all connections: "
                            + sim.metrics().maxConcurrentVision());
            completed = true;
        } finally {
            // After a hang, closing would block on the stuck connections: leave them to the JVM.
            pool.shutdownNow();
            if (completed) {
                for (Connection c : opened) {
                    c.close();
                }
            }
        }
    }
}
