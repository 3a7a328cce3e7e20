package io.github.rembed.bench;

import io.github.rembed.BatchStats;
import io.github.rembed.ImageClient;
import io.github.rembed.ItemResult;
import io.github.rembed.Rembed;
import io.github.rembed.RembedRuntime;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap of a long image stream through the Java API ({@code ImageClient.embedEach}), a short
 * and a long one, against {@code rembed_images_concurrent} holding the same images as one
 * JSON array. Live heap is sampled after a full GC at ten points of each run.
 */
final class HeapBench {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final int SAMPLES = 10;

    private HeapBench() {
    }

    /** One measured stream or call. */
    private record Run(String method, long images, int ok, double seconds, long baseline, long maxLive,
                       long maxHeld, long cacheGrowth) {
        long retained() {
            return Math.max(0, maxLive - baseline);
        }
    }

    static Measured run(Params p) throws Exception {
        RembedRuntime runtime = RembedRuntime.shared();
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(Params.DIMENSIONS)
                .visionLatency(Latency.fixed(Duration.ofMillis(p.heapVisionMs())))
                .embeddingLatency(Latency.fixed(Duration.ofMillis(Math.min(p.embedMs(), 10)))).start()) {
            String options = "{\"format\": \"ollama\", \"url\": \"" + sim.baseUrl() + "\", \"max_concurrent_requests\": "
                    + p.heapConcurrency() + ", \"batch_size\": 10}";
            ImageClient client = Rembed.imageClient(options);
            stream(client, 200, p.imageBytes(), runtime); // warm-up
            Run small = stream(client, p.heapSmall(), p.imageBytes(), runtime);
            Run large = stream(client, p.heapLarge(), p.imageBytes(), runtime);
            Run sqlSmall;
            try (Connection conn = Sql.open()) {
                ImageBench.register(conn, "heap", sim, p.heapConcurrency(), 10);
                sqlSmall = sql(conn, p.heapSmall(), p.imageBytes(), runtime);
            }

            Table t = new Table("Heap: streaming " + p.heapLarge() + " images through the Java API (vision "
                    + p.heapVisionMs() + " ms, max_concurrent_requests " + p.heapConcurrency() + ", batch_size 10, "
                    + p.imageBytes() / 1024 + " KiB images)",
                    "method", "ok/images", "total", "images/s", "images held at once (max)", "live heap retained (max)",
                    "data passed through", "memory-bounded");
            for (Run r : new Run[] {small, large, sqlSmall}) {
                t.row(r.method, r.ok + "/" + r.images, Table.seconds(r.seconds), Table.num(r.images / r.seconds, 0),
                        r.maxHeld < 0 ? "all " + r.images : r.maxHeld, mib(r.retained()),
                        mib(r.images * p.imageBytes()), r.method.startsWith("SQL") ? "no" : "yes");
            }
            t.note("live heap retained = heap used after a full GC, minus the same before the run; sampled "
                    + SAMPLES + " times per run; the shared runtime's caption and embedding caches are emptied before "
                    + "each sample so that only the stream's own memory is counted");
            t.note("images held at once = pulled from the source iterator but not yet handed to the consumer; "
                    + "the client's window is " + client.window() + " unfinished items, of which at most "
                    + client.imagesHeld() + " (max_concurrent_requests + batch_size) still hold their image bytes");
            t.note("the caches themselves would have grown by " + mib(large.cacheGrowth) + " over the "
                    + p.heapLarge() + "-image stream (their own byte estimate); they are bounded at "
                    + mib((RembedRuntime.DEFAULT_CAPTION_CACHE_BYTES + RembedRuntime.DEFAULT_EMBEDDING_CACHE_BYTES)) + " together, so a long stream's heap levels off there");
            long growth = Math.max(0, large.retained() - small.retained());
            long moreData = (large.images - small.images) * p.imageBytes();
            double share = growth / (double) moreData;
            Target target = new Target("stream heap flat as images grow (" + p.heapSmall() + " -> " + p.heapLarge()
                    + " images)", "growth <= 5% of the extra image bytes", Table.num(share * 100, 1) + "% ("
                    + mib(small.retained()) + " -> " + mib(large.retained()) + ", " + mib(moreData) + " more images)",
                    share <= 0.05, "caches emptied before each sample; they level off at their "
                    + mib((RembedRuntime.DEFAULT_CAPTION_CACHE_BYTES + RembedRuntime.DEFAULT_EMBEDDING_CACHE_BYTES)) + " bound");
            return new Measured(t, target);
        }
    }

    private static Run stream(ImageClient client, long count, int bytes, RembedRuntime runtime) {
        long every = Math.max(1, count / SAMPLES);
        long baseline = liveHeap(runtime, new AtomicLong());
        AtomicLong pulled = new AtomicLong();
        AtomicLong delivered = new AtomicLong();
        AtomicLong maxHeld = new AtomicLong();
        AtomicLong maxLive = new AtomicLong();
        AtomicLong cacheGrowth = new AtomicLong();
        Iterator<byte[]> source = Images.lazy(count, bytes);
        Iterator<byte[]> counted = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public byte[] next() {
                long held = pulled.incrementAndGet() - delivered.get();
                maxHeld.accumulateAndGet(held, Math::max);
                return source.next();
            }
        };
        int[] ok = new int[1];
        Stopwatch w = Stopwatch.start();
        BatchStats stats = client.embedEach(counted, r -> {
            if (r instanceof ItemResult.Embedded) {
                ok[0]++;
            }
            if (delivered.incrementAndGet() % every == 0) {
                maxLive.accumulateAndGet(liveHeap(runtime, cacheGrowth), Math::max);
            }
        });
        w.stop();
        if (stats.failed() != 0) {
            throw new IllegalStateException(stats.failed() + " images failed in the heap stream");
        }
        return new Run("Java stream, embedEach(Iterator)", count, ok[0], w.seconds(), baseline, maxLive.get(),
                maxHeld.get(), cacheGrowth.get());
    }

    /** The same images as one JSON array through SQL: everything is in memory at once. */
    private static Run sql(Connection conn, int count, int bytes, RembedRuntime runtime) throws Exception {
        long baseline = liveHeap(runtime, new AtomicLong());
        AtomicLong maxLive = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxLive.accumulateAndGet(liveHeap(runtime, new AtomicLong()), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Stopwatch w = Stopwatch.start();
        int ok;
        try {
            var r = ImageBench.concurrent(conn, "heap", Images.list(count, bytes));
            ok = r.path("stats").path("successful").asInt();
        } finally {
            w.stop();
            sampler.interrupt();
            sampler.join();
        }
        return new Run("SQL rembed_images_concurrent(json_array)", count, ok, w.seconds(), baseline, maxLive.get(), -1, 0);
    }

    /** Heap used after a full GC, with the caches emptied first (their weight added to {@code cacheGrowth}). */
    private static long liveHeap(RembedRuntime runtime, AtomicLong cacheGrowth) {
        cacheGrowth.addAndGet(runtime.cachedBytes());
        runtime.clearCaches();
        System.gc();
        System.gc(); // a second full GC settles what the first freed into reusable regions
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static String mib(long bytes) {
        return Table.num(bytes / 1048576.0, 1) + " MiB";
    }
}
