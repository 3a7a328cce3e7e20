package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same progress figures from Java: text bulk calls and image streams report to a listener. */
class ProgressListenerTest {
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(SimSql.DIMS));

    private static TextClient text() {
        return Rembed.textClient("docs", "{\"format\":\"ollama\",\"model\":\"nomic-embed-text\",\"url\":\""
                + sim.baseUrl() + "\",\"batch_size\":3}");
    }

    private static void assertMonotonic(List<Progress> seen) {
        for (int i = 1; i < seen.size(); i++) {
            Progress a = seen.get(i - 1);
            Progress b = seen.get(i);
            assertTrue(b.done() >= a.done() && b.failed() >= a.failed() && b.retries() >= a.retries()
                    && b.elapsed().compareTo(a.elapsed()) >= 0, a + " then " + b);
        }
    }

    @Test
    void textBulkCallsReportEachBatchAndEachRetry() {
        sim.faults().clear();
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.status(503));
        List<Progress> seen = new CopyOnWriteArrayList<>();
        List<String> texts = IntStream.range(0, 10).mapToObj(i -> "text " + i).toList();

        assertEquals(10, text().withProgress(seen::add).embedAll(texts).size());

        assertEquals(new Progress(0, 0, 0, 0, 10, seen.get(0).elapsed()), seen.get(0), "told at the start");
        Progress last = seen.get(seen.size() - 1);
        assertEquals(10, last.done());
        assertEquals(1, last.retries());
        assertEquals(1.0, last.fraction());
        assertEquals(Duration.ZERO, last.eta());
        // Batches run concurrently and finish in any order: one report per finished batch (3, 3, 3, 1).
        List<Long> steps = new java.util.ArrayList<>();
        for (int i = 1; i < seen.size(); i++) {
            long step = seen.get(i).done() - seen.get(i - 1).done();
            if (step > 0) {
                steps.add(step);
            }
        }
        assertEquals(List.of(1L, 3L, 3L, 3L), steps.stream().sorted().toList(), "a report per batch: " + seen);
        assertMonotonic(seen);
    }

    @Test
    void embedEachCountsFailuresApart() {
        sim.faults().clear();
        List<Progress> seen = new CopyOnWriteArrayList<>();
        text().withProgress(seen::add).embedEach(List.of("a", "", "b"));
        Progress last = seen.get(seen.size() - 1);
        assertEquals(2, last.done());
        assertEquals(1, last.failed());
        assertEquals(3, last.total());
    }

    @Test
    void imageCallsReportEveryResultAndStreamsHaveNoTotal() {
        ImageClient images = Rembed.imageClient("{\"format\":\"ollama\",\"url\":\"" + sim.baseUrl()
                + "\",\"max_concurrent_requests\":2,\"batch_size\":2}");
        List<Progress> seen = new CopyOnWriteArrayList<>();
        List<byte[]> batch = new ArrayList<>(List.of(TestImages.unique(), TestImages.unique(), new byte[] {1, 2}));

        BatchResult r = images.withProgress(seen::add).embedAll(batch);

        assertEquals(1, r.errors().size());
        Progress last = seen.get(seen.size() - 1);
        assertEquals(2, last.done());
        assertEquals(1, last.failed());
        assertEquals(3, last.total());
        assertNotNull(last.eta());
        assertMonotonic(seen);

        seen.clear();
        images.withProgress(seen::add).embedEach(List.of(TestImages.unique()).iterator(), item -> { });
        assertEquals(Progress.UNKNOWN, seen.get(0).total());
        assertNull(seen.get(0).eta());
        assertEquals(-1, seen.get(0).fraction());
        assertEquals(1, seen.get(seen.size() - 1).done());
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheCall() {
        List<Progress> seen = new CopyOnWriteArrayList<>();
        List<float[]> vectors = text().withProgress(p -> {
            seen.add(p);
            throw new IllegalStateException("listener bug");
        }).embedAll(List.of("a", "b", "c", "d"));
        assertEquals(4, vectors.size());
        assertEquals(1, seen.size(), "dropped after it threw");
    }

    @Test
    void rateAndEtaFollowFromTheCounts() {
        Progress p = new Progress(30, 10, 20, 2, 100, Duration.ofSeconds(4));
        assertEquals(10.0, p.rate());
        assertEquals(0.5, p.fraction(), "skipped items are not work");
        assertEquals(Duration.ofSeconds(4), p.eta());
        assertNull(new Progress(0, 0, 0, 0, 100, Duration.ofSeconds(1)).eta(), "no rate yet");
    }
}
