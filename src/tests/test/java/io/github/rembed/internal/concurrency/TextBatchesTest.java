package io.github.rembed.internal.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.ItemResult;
import io.github.rembed.RembedException;
import io.github.rembed.Stage;
import io.github.rembed.internal.engine.RetryPolicy;
import io.github.rembed.internal.http.ProviderHttpException;
import io.github.rembed.internal.http.ProviderIoException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextBatchesTest {
    /** Worker tasks of this test's calls running right now. */
    private final AtomicInteger live = new AtomicInteger();
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(20));

    private static List<String> texts(int n) {
        return IntStream.range(0, n).mapToObj(i -> "text " + i).toList();
    }

    /** What every fake server answers for a text: its number, whichever server it is. */
    private static float[] vectorOf(String text) {
        return new float[] {Integer.parseInt(text.substring(5)), text.length()};
    }

    private static List<float[]> embed(List<String> batch) {
        return batch.stream().map(TextBatchesTest::vectorOf).toList();
    }

    private static EndpointSet endpoints(int... limits) {
        return endpoints(Health.Settings.DEFAULT, limits);
    }

    private static EndpointSet endpoints(Health.Settings health, int... limits) {
        List<Endpoint> list = new ArrayList<>();
        for (int i = 0; i < limits.length; i++) {
            list.add(new Endpoint("http://server-" + (char) ('a' + i), new FixedLimit(limits[i]), health,
                    System::nanoTime));
        }
        return new EndpointSet("embedding test", list);
    }

    private static void assertInOrder(List<String> texts, List<float[]> vectors) {
        assertEquals(texts.size(), vectors.size());
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(i, (int) vectors.get(i)[0], "vector " + i);
        }
    }

    /** Batches whose worker tasks are counted in {@link #live}. */
    private TextBatches over(EndpointSet set, TextBatches.BatchCall call) {
        return TextBatches.over(set, call).liveWorkers(live);
    }

    private void assertNothingLeft(EndpointSet set) {
        assertEquals(0, live.get(), "no worker left running");
        set.status().forEach(s -> assertEquals(0, s.inFlight(), s.baseUrl() + " has requests in flight"));
    }

    @AfterEach
    void noWorkerOutlivesItsCall() {
        assertEquals(0, live.get());
    }

    @Test
    void resultsComeBackInInputOrderWhateverTheLatencies() {
        EndpointSet set = endpoints(2, 3, 2);
        List<String> texts = texts(97);
        List<float[]> vectors = over(set, (url, batch, usage) -> {
            Thread.sleep(new Random(batch.get(0).hashCode()).nextInt(15));
            return embed(batch);
        }).batchSize(4).retry(FAST).embedAll(texts);
        assertInOrder(texts, vectors);
        assertNothingLeft(set);
    }

    @Test
    void batchesAreInFlightTogetherUpToTheLimit() {
        EndpointSet set = endpoints(4);
        CyclicBarrier allFour = new CyclicBarrier(4);
        List<float[]> vectors = over(set, (url, batch, usage) -> {
            allFour.await(20, TimeUnit.SECONDS); // fails unless four requests are in flight at once
            return embed(batch);
        }).batchSize(8).retry(RetryPolicy.NONE).embedAll(texts(128));
        assertInOrder(texts(128), vectors);
    }

    @Test
    void noEndpointEverHasMoreInFlightThanItsLimit() {
        EndpointSet set = endpoints(1, 2, 3);
        Map<String, AtomicInteger> now = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> peak = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        AtomicInteger totalPeak = new AtomicInteger();
        List<float[]> vectors = over(set, (url, batch, usage) -> {
            int n = now.computeIfAbsent(url, u -> new AtomicInteger()).incrementAndGet();
            peak.computeIfAbsent(url, u -> new AtomicInteger()).accumulateAndGet(n, Math::max);
            totalPeak.accumulateAndGet(total.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2);
                return embed(batch);
            } finally {
                now.get(url).decrementAndGet();
                total.decrementAndGet();
            }
        }).batchSize(2).retry(FAST).embedAll(texts(200));
        assertInOrder(texts(200), vectors);
        assertTrue(peak.get("http://server-a").get() <= 1, "a: " + peak);
        assertTrue(peak.get("http://server-b").get() <= 2, "b: " + peak);
        assertTrue(peak.get("http://server-c").get() <= 3, "c: " + peak);
        assertTrue(totalPeak.get() <= 6, "all: " + totalPeak);
    }

    @Test
    void anEndpointThatAlwaysFailsLeavesTheWorkToTheOthersWithTheSameResults() {
        EndpointSet set = endpoints(4, 4, 4);
        List<String> texts = texts(90);
        Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
        List<float[]> vectors = over(set, (url, batch, usage) -> {
            if (url.equals("http://server-a")) {
                throw new ProviderIoException("connection refused", false);
            }
            served.computeIfAbsent(url, u -> new AtomicInteger()).incrementAndGet();
            return embed(batch);
        }).batchSize(3).retry(FAST).embedAll(texts);

        List<float[]> alone = over(endpoints(4), (url, batch, usage) -> embed(batch))
                .batchSize(3).embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(List.of(alone.get(i)[0], alone.get(i)[1]), List.of(vectors.get(i)[0], vectors.get(i)[1]));
        }
        assertEquals(30, served.get("http://server-b").get() + served.get("http://server-c").get());
        EndpointStatus a = set.status().get(0);
        assertEquals("set aside", a.state());
        assertTrue(a.failures() >= 3 && a.failures() <= 3 + 4, "a failed only until it was set aside: " + a);
        assertNothingLeft(set);
    }

    @Test
    void aSetAsideEndpointIsProbedAgainAndTakesLoadOnceItRecovers() {
        Health.Settings quickRetry = new Health.Settings(3, Duration.ZERO, Duration.ZERO);
        EndpointSet set = endpoints(quickRetry, 2, 2);
        AtomicInteger aCalls = new AtomicInteger();
        AtomicInteger aServed = new AtomicInteger();
        List<String> texts = texts(200);
        List<float[]> vectors = over(set, (url, batch, usage) -> {
            if (url.equals("http://server-a")) {
                if (aCalls.incrementAndGet() <= 5) {
                    throw new ProviderHttpException(502, "bad gateway", null);
                }
                aServed.incrementAndGet();
            }
            Thread.sleep(1);
            return embed(batch);
        }).batchSize(2).retry(FAST).embedAll(texts);
        assertInOrder(texts, vectors);
        assertTrue(aServed.get() > 0, "a came back after its failures");
        assertEquals("healthy", set.status().get(0).state());
    }

    @Test
    void aBatchRefusedForItsContentIsSentAgainTextByTextSoOnlyTheCulpritFails() {
        EndpointSet set = endpoints(3);
        AtomicInteger badCalls = new AtomicInteger();
        List<String> texts = new ArrayList<>(texts(10));
        texts.set(4, "text 4 and far too long");
        List<ItemResult> results = over(set, (url, batch, usage) -> {
            if (batch.stream().anyMatch(t -> t.contains("too long"))) {
                badCalls.incrementAndGet();
                throw new ProviderHttpException(400, "input is too long for the model", null);
            }
            return embed(batch);
        }).batchSize(3).retry(FAST).describedAs("client 'docs'").embedEach(texts);
        assertEquals(10, results.size());
        for (int i = 0; i < 10; i++) {
            ItemResult r = results.get(i);
            assertEquals(i, r.index());
            if (i == 4) {
                ItemResult.Failed f = assertInstanceOf(ItemResult.Failed.class, r);
                assertEquals(Stage.EMBEDDING, f.stage());
                assertTrue(f.error().startsWith("client 'docs': "), f.error());
                assertTrue(f.error().contains("input is too long"), f.error());
            } else {
                assertEquals(i, (int) assertInstanceOf(ItemResult.Embedded.class, r).vector()[0]);
            }
        }
        assertEquals(2, badCalls.get(), "the batch once, then the culprit alone once: a refusal is not retried");
        assertNothingLeft(set);
    }

    @Test
    void aBatchThatFailsForAnotherReasonFailsItsOwnItemsOnly() {
        EndpointSet set = endpoints(3);
        List<String> texts = texts(10);
        List<ItemResult> results = over(set, (url, batch, usage) -> {
            if (batch.contains(texts.get(4))) {
                throw new ProviderHttpException(401, "invalid key", null);
            }
            return embed(batch);
        }).batchSize(3).retry(FAST).describedAs("client 'docs'").embedEach(texts);
        for (int i = 0; i < 10; i++) {
            if (i >= 3 && i < 6) {
                assertTrue(assertInstanceOf(ItemResult.Failed.class, results.get(i)).error().contains("invalid key"));
            } else {
                assertInstanceOf(ItemResult.Embedded.class, results.get(i));
            }
        }
        assertNothingLeft(set);
    }

    @Test
    void theFirstFailureStopsTheOtherBatchesAndLeavesNoThreadBehind() throws Exception {
        EndpointSet set = endpoints(4);
        AtomicInteger blocked = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        RembedException e = assertThrows(RembedException.class, () -> over(set, (url, batch, usage) -> {
            if (batch.get(0).equals("text 0")) {
                while (blocked.get() < 3) {
                    Thread.sleep(1); // fail only once the others are in flight
                }
                throw new ProviderHttpException(401, "invalid key", null);
            }
            blocked.incrementAndGet();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException stopped) {
                interrupted.incrementAndGet();
                throw stopped;
            }
            return embed(batch);
        }).batchSize(2).retry(FAST).describedAs("client 'docs'").embedAll(texts(40)));
        assertEquals("client 'docs': invalid key", e.getMessage());
        assertEquals(3, interrupted.get(), "the requests in flight were stopped");
        assertNothingLeft(set);
    }

    @Test
    void cancellationEndsTheCallWithCancelledItemsAndNoThreadBehind() {
        EndpointSet set = endpoints(3);
        AtomicInteger started = new AtomicInteger();
        AtomicBoolean cancel = new AtomicBoolean();
        List<ItemResult> results = over(set, (url, batch, usage) -> {
            if (batch.get(0).equals("text 0")) {
                return embed(batch);
            }
            if (started.incrementAndGet() == 3) {
                cancel.set(true);
            }
            Thread.sleep(Long.MAX_VALUE);
            return embed(batch);
        }).batchSize(2).retry(FAST).cancellation(cancel::get).embedEach(texts(20));
        assertEquals(20, results.size());
        assertInstanceOf(ItemResult.Embedded.class, results.get(0));
        assertInstanceOf(ItemResult.Embedded.class, results.get(1));
        for (int i = 2; i < 20; i++) {
            ItemResult.Failed f = assertInstanceOf(ItemResult.Failed.class, results.get(i));
            assertEquals(Stage.CANCELLED, f.stage(), "item " + i);
        }
        assertNothingLeft(set);
    }

    @Test
    void interruptingTheCallerStopsTheCallAndKeepsItsInterruptFlag() throws Exception {
        EndpointSet set = endpoints(2);
        AtomicInteger started = new AtomicInteger();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                over(set, (url, batch, usage) -> {
                    started.incrementAndGet();
                    Thread.sleep(Long.MAX_VALUE);
                    return embed(batch);
                }).batchSize(1).describedAs("client 'docs'").embedAll(texts(10));
            } catch (Throwable e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        while (started.get() < 2) {
            Thread.sleep(1);
        }
        caller.interrupt();
        caller.join();
        assertEquals("client 'docs': cancelled", thrown.get().getMessage());
        assertTrue(stillInterrupted.get());
        assertNothingLeft(set);
    }

    @Test
    void aVirtualCallerGetsPlatformWorkersAndAPlatformCallerVirtualOnes() throws Exception {
        List<Boolean> virtualWorkers = new CopyOnWriteArrayList<>();
        TextBatches job = over(endpoints(4), (url, batch, usage) -> {
            virtualWorkers.add(Thread.currentThread().isVirtual());
            return embed(batch);
        }).batchSize(1);
        Thread.ofVirtual().start(() -> job.embedAll(texts(8))).join();
        assertEquals(List.of(false), virtualWorkers.stream().distinct().toList(), "virtual caller");
        virtualWorkers.clear();
        Thread.ofPlatform().start(() -> job.embedAll(texts(8))).join();
        assertEquals(List.of(true), virtualWorkers.stream().distinct().toList(), "platform caller");
    }

    @Test
    void a429IsTriedAgainAfterRetryAfterAndCountedAsADrop() {
        EndpointSet set = endpoints(4);
        AtomicBoolean refusedOnce = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        List<float[]> vectors = over(set, (url, batch, usage) -> {
            calls.incrementAndGet();
            if (batch.get(0).equals("text 6") && refusedOnce.compareAndSet(false, true)) {
                throw new ProviderHttpException(429, "rate limited", Duration.ofMillis(5));
            }
            return embed(batch);
        }).batchSize(3).retry(FAST).embedAll(texts(30));
        assertInOrder(texts(30), vectors);
        assertEquals(11, calls.get(), "ten batches, one sent twice");
        assertEquals(1, set.status().get(0).drops());
        assertEquals("healthy", set.status().get(0).state());
    }

    @Test
    void aServerThatKeepsFailingEndsEveryBatchWithAnErrorInsteadOfHanging() {
        EndpointSet set = endpoints(2, 2);
        AtomicInteger calls = new AtomicInteger();
        List<ItemResult> results = over(set, (url, batch, usage) -> {
            calls.incrementAndGet();
            throw new ProviderHttpException(503, "overloaded", null);
        }).batchSize(5).retry(FAST).embedEach(texts(50));
        for (ItemResult r : results) {
            ItemResult.Failed f = assertInstanceOf(ItemResult.Failed.class, r);
            assertTrue(f.error().contains("overloaded") || f.error().contains("every endpoint is set aside"), f.error());
        }
        assertTrue(calls.get() <= 10 * 4, "each batch tried at most its attempts: " + calls.get());
        assertNothingLeft(set);
    }

    @Test
    void tokenUsageOfEveryBatchIsSummed() {
        TokenUsage usage = new TokenUsage();
        over(endpoints(3), (url, batch, u) -> {
            u.add(batch.size() * 2L, 0);
            return embed(batch);
        }).batchSize(7).usage(usage).embedAll(texts(50));
        assertEquals(100, usage.inputTokens());
        assertEquals(8, usage.replies());
    }

    @Test
    void aReplyWithTheWrongNumberOfVectorsFailsItsBatch() {
        List<ItemResult> results = over(endpoints(2), (url, batch, usage) ->
                batch.contains("text 3") ? embed(batch).subList(0, 1) : embed(batch))
                .batchSize(3).describedAs("client 'docs'").embedEach(texts(6));
        ItemResult.Failed f = assertInstanceOf(ItemResult.Failed.class, results.get(3));
        assertEquals("client 'docs': the reply has 1 vectors for 3 texts", f.error());
        assertInstanceOf(ItemResult.Embedded.class, results.get(0));
    }

    @Test
    void noTextsMeansNoRequest() {
        AtomicInteger calls = new AtomicInteger();
        TextBatches job = over(endpoints(2), (url, batch, usage) -> {
            calls.incrementAndGet();
            return embed(batch);
        });
        assertTrue(job.embedAll(List.of()).isEmpty());
        assertTrue(job.embedEach(List.of()).isEmpty());
        assertEquals(0, calls.get());
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
