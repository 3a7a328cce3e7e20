package io.github.rembed.internal.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.internal.concurrency.SimulatedServer.Overflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The adaptive limit driven by explicit sequences of replies and drops, and by simulated
 * servers in simulated time: deterministic, no clocks.
 */
class AdaptiveLimitTest {
    private static final long MS = 1_000_000;

    /** {@code n} replies of {@code latencyMs} each, with the limit full ({@code inFlight} = limit) when asked. */
    private static void replies(AdaptiveLimit a, int n, long latencyMs, boolean full) {
        for (int i = 0; i < n; i++) {
            a.onSuccess(latencyMs * MS, full ? a.limit() : 1, a.epoch());
        }
    }

    @Test
    void startsAtFourAndDoublesPerRoundWhileRepliesFillTheLimit() {
        AdaptiveLimit a = new AdaptiveLimit();
        assertEquals(4, a.limit());
        replies(a, 4, 100, true);
        assertEquals(8, a.limit(), "slow start: +1 per reply that found the limit full");
        replies(a, 8, 100, true);
        assertEquals(16, a.limit());
        assertTrue(a.slowStart());
    }

    @Test
    void doesNotGrowWhenCallersDoNotUseTheLimit() {
        AdaptiveLimit a = new AdaptiveLimit();
        replies(a, 500, 100, false);
        assertEquals(4, a.limit(), "a limit nobody reaches says nothing about the server");
    }

    @Test
    void aDropCutsTheLimitOncePerOverload() {
        AdaptiveLimit a = new AdaptiveLimit();
        replies(a, 12, 100, true); // slow start to 16
        assertEquals(16, a.limit());
        long sentBeforeTheCut = a.epoch();
        a.onDrop(16, sentBeforeTheCut);
        assertEquals(14, a.limit(), "0.9 x 16 in flight");
        assertFalse(a.slowStart());
        for (int i = 0; i < 5; i++) {
            a.onDrop(15 - i, sentBeforeTheCut);
        }
        assertEquals(14, a.limit(), "drops of requests sent before the cut belong to the same overload");
        a.onDrop(14, a.epoch());
        assertEquals(12, a.limit(), "a drop of a request sent after the cut is a new overload");
    }

    @Test
    void aDropCutsToWhatWasInFlightNotToTheUnusedLimit() {
        AdaptiveLimit a = new AdaptiveLimit();
        replies(a, 28, 100, true); // slow start to 32
        assertEquals(32, a.limit());
        a.onDrop(10, a.epoch());
        assertEquals(9, a.limit(), "the server refused at 10 in flight, whatever the limit was");
    }

    @Test
    void neverBelowOneNorAboveTheMaximum() {
        AdaptiveLimit a = new AdaptiveLimit();
        for (int i = 0; i < 100; i++) {
            a.onDrop(a.limit(), a.epoch());
        }
        assertEquals(1, a.limit());
        AdaptiveLimit b = new AdaptiveLimit();
        replies(b, 5_000, 100, true);
        assertEquals(AdaptiveLimit.DEFAULT_MAX, b.limit());
    }

    @Test
    void growsByOnePerRoundAfterSlowStartWhileLatencyHolds() {
        AdaptiveLimit a = new AdaptiveLimit();
        replies(a, 12, 100, true);
        a.onDrop(16, a.epoch()); // -> 14, ceiling 16
        replies(a, 14, 100, true);
        assertEquals(15, a.limit(), "one round of replies at the usual latency adds one");
    }

    @Test
    void backsOffWhenLatencyRisesWithoutAnyDrop() {
        AdaptiveLimit a = new AdaptiveLimit();
        replies(a, 12, 100, true);
        a.onDrop(16, a.epoch()); // leave slow start at 14
        replies(a, 14 * 3, 100, true);
        int before = a.limit();
        replies(a, before * 3, 300, true);
        assertTrue(a.limit() < before, "latency at 3x the baseline is a queue at the server: " + a.limit());
    }

    @ParameterizedTest(name = "refuses beyond {0}, jitter sigma {1}")
    @CsvSource({"1, 0", "3, 0", "8, 0", "20, 0", "50, 0", "8, 0.5", "50, 0.5"})
    void settlesAtTheCapacityOfAServerThatRefusesTheRest(int k, double sigma) {
        ConcurrencyLimit limit = new ConcurrencyLimit(new AdaptiveLimit());
        SimulatedServer.Result r = new SimulatedServer(k, Overflow.REFUSE, 200 * MS, sigma, 7)
                .run(limit, Math.max(4_000, 300 * k));
        assertTrue(r.meanLimit() >= 0.9 * k - 0.5 && r.meanLimit() <= k + 0.5,
                "mean limit " + r.meanLimit() + " for capacity " + k);
        assertTrue(r.utilization() >= 0.9, "server busy " + r.utilization());
        assertTrue(r.refusedShare() <= 0.05, "429 share " + r.refusedShare());
        assertEquals(0, limit.inFlight());
    }

    @ParameterizedTest(name = "queues beyond {0}, jitter sigma {1}")
    @CsvSource({"1, 0", "4, 0", "8, 0", "20, 0", "50, 0", "8, 0.5", "50, 0.5"})
    void settlesJustAboveTheCapacityOfAServerThatQueuesTheRest(int k, double sigma) {
        ConcurrencyLimit limit = new ConcurrencyLimit(new AdaptiveLimit());
        SimulatedServer.Result r = new SimulatedServer(k, Overflow.QUEUE, 200 * MS, sigma, 7)
                .run(limit, Math.max(4_000, 300 * k));
        double most = sigma == 0 ? 1.5 * k + 3 : 2 * k + 3;
        assertTrue(r.meanLimit() >= k && r.meanLimit() <= most, "mean limit " + r.meanLimit() + " for capacity " + k);
        assertTrue(r.maxLimit() <= most + 2, "never far beyond: " + r.maxLimit());
        assertTrue(r.utilization() >= 0.95, "a small queue keeps the server busy: " + r.utilization());
    }

    @Test
    void aServerThatBecomesSlowerForGoodIsRelearntNotReadAsQueueing() {
        ConcurrencyLimit limit = new ConcurrencyLimit(new AdaptiveLimit());
        new SimulatedServer(16, Overflow.REFUSE, 100 * MS, 0, 7).run(limit, 4_000);
        SimulatedServer.Result slower = new SimulatedServer(16, Overflow.REFUSE, 300 * MS, 0, 7).run(limit, 8_000);
        assertTrue(slower.meanLimit() >= 14, "still near the capacity: " + slower.meanLimit());
        assertTrue(slower.utilization() >= 0.9, "server busy " + slower.utilization());
    }

    @Test
    void aServerThatTakesMoreLaterGetsMore() {
        ConcurrencyLimit limit = new ConcurrencyLimit(new AdaptiveLimit());
        new SimulatedServer(8, Overflow.REFUSE, 100 * MS, 0, 7).run(limit, 4_000);
        SimulatedServer.Result bigger = new SimulatedServer(24, Overflow.REFUSE, 100 * MS, 0, 7).run(limit, 12_000);
        assertTrue(bigger.meanLimit() >= 21, "grew past the old ceiling: " + bigger.meanLimit());
    }
}
