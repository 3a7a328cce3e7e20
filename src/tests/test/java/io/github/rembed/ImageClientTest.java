package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.simulator.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Java API over the pipeline: single images, batches, and bounded streaming. */
class ImageClientTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);
    @RegisterExtension
    final SimServer sim = new SimServer(b -> b.embeddingDimensions(SimSql.DIMS));
    private ImageClient client;

    @BeforeEach
    void start() {
        client = Rembed.imageClient("{\"format\":\"ollama\",\"url\":\"" + sim.baseUrl() + "\",\"vision_model\":\""
                + SimSql.VISION + "\",\"embedding_model\":\"" + SimSql.EMBED
                + "\",\"max_concurrent_requests\":8,\"batch_size\":16,\"request_timeout_sec\":5}");
    }

    @Test
    void embedsOneImageFromBytesOrFile(@TempDir Path dir) throws Exception {
        byte[] image = TestImages.unique();
        assertArrayEquals(SimSql.expected(image), client.embed(image));
        Path file = Files.write(dir.resolve("a.png"), TestImages.unique());
        assertArrayEquals(SimSql.expected(Files.readAllBytes(file)), client.embed(file));
        RembedException e = assertThrows(RembedException.class, () -> client.embed(new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().startsWith("input: not an image"), e.getMessage());
        assertTrue(client.describe().contains("llava:7b") && client.describe().contains("nomic-embed-text"));
    }

    @Test
    void embedAllKeepsInputOrderAndReportsFailuresAsItems() {
        byte[] a = TestImages.unique();
        byte[] c = TestImages.unique();
        BatchResult r = client.embedAll(Arrays.asList(a, TestImages.withFault("FAULT:GARBAGE"), c, null));
        assertArrayEquals(SimSql.expected(a), r.embeddings().get(0));
        assertNull(r.embeddings().get(1));
        assertArrayEquals(SimSql.expected(c), r.embeddings().get(2));
        assertEquals(List.of(1, 3), r.errors().stream().map(ItemResult.Failed::index).toList());
        assertEquals(Stage.VISION, r.errors().get(0).stage());
        assertEquals(Stage.INPUT, r.errors().get(1).stage());
        assertEquals(2, r.stats().successful());
        assertEquals(8, r.stats().maxConcurrentRequests());
    }

    @Test
    void aLongStreamIsPulledLazilyAndHoldsABoundedNumberOfImages() {
        int n = 5_000;
        AtomicInteger pulled = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger worst = new AtomicInteger();
        Iterator<byte[]> source = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pulled.get() < n;
            }

            @Override
            public byte[] next() {
                worst.accumulateAndGet(pulled.incrementAndGet() - delivered.get(), Math::max);
                return TestImages.unique();
            }
        };
        boolean[] seen = new boolean[n];
        BatchStats stats = assertTimeoutPreemptively(HANG_GUARD, () -> client.embedEach(source, r -> {
            assertInstanceOf(ItemResult.Embedded.class, r, r.toString());
            seen[r.index()] = true;
            delivered.incrementAndGet();
        }));
        assertEquals(n, stats.successful());
        for (int i = 0; i < n; i++) {
            assertTrue(seen[i], "result for input " + i);
        }
        assertTrue(worst.get() <= client.window(),
                "images pulled but not delivered peaked at " + worst.get() + ", bound " + client.window());
        assertEquals(n, sim.metrics().inputs(Endpoint.OLLAMA_CHAT));
    }

    @Test
    void aStreamCanBeCancelled() {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger ok = new AtomicInteger();
        List<ItemResult> cancelled = new ArrayList<>();
        Iterator<byte[]> endless = Stream.generate(TestImages::unique).iterator();
        BatchStats stats = assertTimeoutPreemptively(HANG_GUARD, () -> client.embedEach(endless, r -> {
            if (r instanceof ItemResult.Embedded && ok.incrementAndGet() == 50) {
                stop.set(true);
            }
            if (r instanceof ItemResult.Failed f) {
                assertEquals(Stage.CANCELLED, f.stage());
                cancelled.add(r);
            }
        }, stop::get));
        assertTrue(stats.totalProcessed() >= 50);
        assertEquals(stats.totalProcessed(), stats.successful() + cancelled.size());
    }

    @Test
    void filesAreReadOnlyWhenTheirTurnComes(@TempDir Path dir) throws Exception {
        Path good = Files.write(dir.resolve("good.png"), TestImages.unique());
        Path missing = dir.resolve("missing.png");
        List<ItemResult> results = new ArrayList<>();
        client.embedFiles(Stream.of(good, missing), results::add);
        assertEquals(2, results.size());
        ItemResult.Failed f = (ItemResult.Failed) results.stream().filter(r -> r.index() == 1).findFirst().orElseThrow();
        assertEquals(Stage.INPUT, f.stage());
        assertTrue(f.error().contains("missing.png"), f.error());
    }

    @Test
    void filesAreReadOnlyIfRegularAndWithinTheSizeLimit(@TempDir Path dir) throws Exception {
        RembedException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(RembedException.class,
                () -> client.embed(Path.of("/dev/zero"))));
        assertEquals("cannot read image /dev/zero: not a regular file", e.getMessage());

        Path fifo = dir.resolve("pipe.png");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
        Path good = Files.write(dir.resolve("good.png"), TestImages.unique());
        List<ItemResult> results = new ArrayList<>();
        assertTimeoutPreemptively(HANG_GUARD, () -> client.embedFiles(Stream.of(fifo, good), results::add));
        results.sort(java.util.Comparator.comparingInt(ItemResult::index));
        ItemResult.Failed failed = assertInstanceOf(ItemResult.Failed.class, results.get(0));
        assertEquals("cannot read image " + fifo + ": not a regular file", failed.error());
        assertInstanceOf(ItemResult.Embedded.class, results.get(1));

        ImageClient small = Rembed.imageClient("{\"format\":\"ollama\",\"url\":\"" + sim.baseUrl() + "\"}",
                RembedConfig.builder().maxFileBytes(100).build());
        byte[] big = Arrays.copyOf(TestImages.unique(), 101);
        Path bigFile = Files.write(dir.resolve("big.png"), big);
        e = assertThrows(RembedException.class, () -> small.embed(bigFile));
        assertEquals("cannot read image " + bigFile + ": larger than the 100-byte file limit", e.getMessage());
        e = assertThrows(RembedException.class, () -> small.embed(big));
        assertEquals("input: image of 101 bytes is larger than the 100-byte limit", e.getMessage());
    }
}
