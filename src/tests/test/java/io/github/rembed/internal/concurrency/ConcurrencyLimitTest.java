package io.github.rembed.internal.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

    @Test
    void aFixedLimitIsNeverExceededByManyThreads() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(new FixedLimit(3));
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 50; i++) {
                    try {
                        Permit p = limit.acquire(() -> false);
                        peak.accumulateAndGet(now.incrementAndGet(), Math::max);
                        Thread.yield();
                        now.decrementAndGet();
                        p.success();
                        done.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(16 * 50, done.get());
        assertTrue(peak.get() <= 3, "peak " + peak.get());
        assertEquals(0, limit.inFlight());
    }

    @Test
    void waitingCallersAreServedInTheOrderTheyCame() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(new FixedLimit(1));
        Permit held = limit.tryAcquire();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int id = i;
            int queuedBefore = Admission.waiting();
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    Permit p = limit.acquire(() -> false);
                    order.add(id);
                    p.success();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }));
            awaitWaiting(queuedBefore + 1);
        }
        held.success();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(0, 1, 2, 3, 4), order);
    }

    @Test
    void anInterruptedWaiterLosesNoPermit() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(new FixedLimit(1));
        Permit held = limit.tryAcquire();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        int queuedBefore = Admission.waiting();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                limit.acquire(() -> false);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        awaitWaiting(queuedBefore + 1);
        waiter.interrupt();
        waiter.join();
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        held.success();
        assertEquals(0, limit.inFlight());
        assertNotNull(limit.tryAcquire(), "the permit came back to the limit, not to the departed waiter");
    }

    @Test
    void aCancelledWaiterGivesUpAndLosesNoPermit() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(new FixedLimit(1));
        Permit held = limit.tryAcquire();
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        int queuedBefore = Admission.waiting();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                limit.acquire(cancel::get);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        awaitWaiting(queuedBefore + 1);
        cancel.set(true);
        waiter.join();
        assertTrue(thrown.get() instanceof CancellationException, String.valueOf(thrown.get()));
        held.ignored();
        assertEquals(0, limit.inFlight());
    }

    /** A grant racing an interrupt: whichever wins, the permit ends up back in the limit. */
    @Test
    void grantsRacingInterruptsNeverLeakPermits() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(new FixedLimit(1));
        for (int round = 0; round < 300; round++) {
            Permit held = limit.tryAcquire();
            assertNotNull(held, "round " + round + ": a permit leaked");
            CountDownLatch started = new CountDownLatch(1);
            Thread waiter = Thread.ofPlatform().start(() -> {
                started.countDown();
                try {
                    limit.acquire(() -> false).success();
                } catch (InterruptedException expected) {
                    // the interrupt won
                }
            });
            started.await();
            Thread releaser = Thread.ofPlatform().start(held::success);
            waiter.interrupt();
            releaser.join();
            waiter.join();
            assertEquals(0, limit.inFlight(), "round " + round);
        }
    }

    @Test
    void aLimitLoweredWhilePermitsAreOutDrainsAsTheyComeBack() {
        AdaptiveLimit adaptive = new AdaptiveLimit(10, 1, 256);
        ConcurrencyLimit limit = new ConcurrencyLimit(adaptive);
        List<Permit> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            out.add(limit.tryAcquire());
        }
        assertNull(limit.tryAcquire());
        out.remove(0).dropped(); // 10 in flight at the drop: limit 9
        assertEquals(9, limit.limit());
        assertEquals(9, limit.inFlight());
        assertNull(limit.tryAcquire(), "at the new limit");
        out.remove(0).dropped(); // same overload: no second cut
        assertEquals(9, limit.limit());
        assertNotNull(limit.tryAcquire(), "8 in flight under a limit of 9");
    }

    @Test
    void releasingTwiceGivesBackOnePermit() {
        ConcurrencyLimit limit = new ConcurrencyLimit(new FixedLimit(2));
        Permit a = limit.tryAcquire();
        Permit b = limit.tryAcquire();
        a.success();
        a.ignored();
        a.dropped();
        assertEquals(1, limit.inFlight());
        assertNotNull(limit.tryAcquire());
        assertNull(limit.tryAcquire());
        b.ignored();
    }

    @Test
    void aFixedLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new FixedLimit(0));
        assertFalse(new FixedLimit(3).adaptive());
    }

    static void awaitWaiting(int n) throws InterruptedException {
        while (Admission.waiting() < n) {
            Thread.sleep(1);
        }
    }
}
