package io.github.rembed.internal.sql;

import static io.github.rembed.SqlTestSupport.error;
import static io.github.rembed.SqlTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rembed.RembedConfig;
import io.github.rembed.SimServer;
import io.github.rembed.SimSql;
import io.github.rembed.SqlTestSupport;
import io.github.rembed.TestImages;
import io.github.rembed.simulator.Latency;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code rembed_jobs()}: the running bulk calls of the whole process, watched from another connection. */
class JobsSqlTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(8)
            .embeddingLatency(Latency.fixed(Duration.ofMillis(60)))
            .visionLatency(Latency.fixed(Duration.ofMillis(60))));

    private static RembedConfig config(String client) {
        return RembedConfig.builder().client(client, "{\"format\":\"ollama\",\"model\":\"nomic-embed-text\",\"url\":\""
                + sim.baseUrl() + "\",\"batch_size\":2}").build();
    }

    /** The jobs of {@code client} as {@code watcher} sees them. */
    private static List<JsonNode> jobs(Connection watcher, String client) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode job : JSON.readTree(text(watcher, "SELECT rembed_jobs()"))) {
            if (client.equals(job.get("client").asText())) {
                out.add(job);
            }
        }
        return out;
    }

    /**
     * Polls until the running call of {@code client} has reported progress twice (the second
     * time further on), returns the last snapshot seen.
     */
    private static JsonNode watchProgress(Connection watcher, String client, CompletableFuture<?> call)
            throws Exception {
        long firstDone = -1;
        while (!call.isDone()) {
            List<JsonNode> jobs = jobs(watcher, client);
            if (jobs.size() == 1) {
                long done = jobs.get(0).get("done").asLong() + jobs.get(0).get("failed").asLong();
                if (firstDone < 0 && done > 0) {
                    firstDone = done;
                } else if (firstDone > 0 && done > firstDone) {
                    return jobs.get(0);
                }
            }
            Thread.sleep(5);
        }
        call.get();
        return fail("the call ended before its progress was seen to advance twice");
    }

    @Test
    void aRunningBatchIsVisibleFromAnotherConnectionWithAdvancingProgress() throws Exception {
        try (Connection worker = SqlTestSupport.open(config("slow-text")); Connection watcher = SqlTestSupport.open()) {
            String texts = IntStream.range(0, 20).mapToObj(i -> "'t" + i + "'").collect(Collectors.joining(", "));
            CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
                try {
                    return text(worker, "SELECT rembed_batch('slow-text', json_array(" + texts + ", NULL))");
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            JsonNode job = watchProgress(watcher, "slow-text", call);
            assertEquals("rembed_batch", job.get("function").asText());
            assertEquals(21, job.get("total").asInt());
            assertEquals(1, job.get("skipped").asInt());
            assertEquals(0, job.get("failed").asInt());
            assertTrue(job.get("rate").asDouble() > 0, job.toString());
            assertTrue(job.get("eta_ms").isNumber(), job.toString());
            assertTrue(job.get("started").asText().endsWith("Z"), job.toString());
            assertEquals(":memory:", job.get("database").asText());
            assertTrue(job.get("connection").asLong() > 0, job.toString());

            assertEquals(21, JSON.readTree(call.get(30, TimeUnit.SECONDS)).size());
            assertEquals(List.of(), jobs(watcher, "slow-text"), "a finished call leaves the list");
        }
    }

    @Test
    void aRunningImageBatchIsVisibleToo() throws Exception {
        try (Connection worker = SimSql.open(sim.baseUrl(), 2, 30, 2); Connection watcher = SqlTestSupport.open()) {
            List<byte[]> images = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                images.add(TestImages.unique());
            }
            CompletableFuture<JsonNode> call = CompletableFuture.supplyAsync(() -> {
                try {
                    return SimSql.concurrent(worker, images);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            JsonNode job = watchProgress(watcher, "mm", call);
            assertEquals("rembed_images_concurrent", job.get("function").asText());
            assertEquals(12, job.get("total").asInt());
            assertEquals(12, call.get(30, TimeUnit.SECONDS).get("stats").get("successful").asInt());
            assertEquals(List.of(), jobs(watcher, "mm"));
        }
    }

    @Test
    void failedAndCancelledCallsLeaveNoJobBehind() throws Exception {
        try (Connection worker = SimSql.open(sim.baseUrl(), 1, 30, 1); Connection watcher = SqlTestSupport.open()) {
            SqlTestSupport.exec(worker, "INSERT INTO temp.rembed_clients(name, options) VALUES ('refused', "
                    + "'{\"format\":\"ollama\",\"model\":\"m\",\"url\":\"http://127.0.0.1:1\"}')");
            assertTrue(error(worker, "SELECT rembed_batch('refused', json_array('a'))").contains("rembed_batch"));
            assertEquals(List.of(), jobs(watcher, "refused"));

            List<byte[]> images = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                images.add(TestImages.unique());
            }
            try (Statement s = worker.createStatement()) {
                CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
                    try (var rs = s.executeQuery("SELECT rembed_images_concurrent('mm', " + SimSql.jsonArray(images) + ")")) {
                        return rs.next() ? "finished" : "no row";
                    } catch (SQLException e) {
                        return e.getMessage();
                    }
                });
                watchProgress(watcher, "mm", call);
                s.cancel();
                assertTrue(call.get(30, TimeUnit.SECONDS).contains("cancelled"), call.get());
            }
            assertEquals(List.of(), jobs(watcher, "mm"));
        }
    }
}
