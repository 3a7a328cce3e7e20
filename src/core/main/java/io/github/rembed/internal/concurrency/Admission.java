package io.github.rembed.internal.concurrency;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one lock under which every limit, in-flight count and endpoint state of this package
 * changes, and the queue of callers waiting for a permit. One lock, because a caller may wait
 * for any of several endpoints and one endpoint may serve several endpoint sets: a freed
 * permit goes to the longest-waiting caller that can use it, whichever set it came through.
 * The work done under the lock is a few comparisons per endpoint and per waiting caller, for
 * requests that take milliseconds to minutes, so the lock is far from busy.
 */
final class Admission {
    static final ReentrantLock LOCK = new ReentrantLock();
    /** How often a waiting caller asks its cancellation check, and looks at endpoints coming back. */
    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final Deque<Waiter<?>> WAITING = new ArrayDeque<>();

    private Admission() {
    }

    /**
     * Takes a permit for one caller if one is free, under the lock. Returns null when the
     * caller should wait; throws to turn the caller away (every endpoint set aside).
     */
    @FunctionalInterface
    interface Claim<T> {
        T tryClaim();
    }

    /**
     * Waits for {@code claim} to succeed: first come, first served among callers that want the
     * same permits. Gives up with null after {@code timeoutNanos}, with
     * {@link CancellationException} when {@code cancelled} says so (asked on this thread every
     * {@link #POLL_NANOS}), and with {@link InterruptedException} when interrupted. A permit
     * granted to a caller that gave up meanwhile is passed to {@code giveBack}, never lost.
     */
    static <T> T acquire(Claim<T> claim, BooleanSupplier cancelled, long timeoutNanos, Consumer<T> giveBack)
            throws InterruptedException {
        Waiter<T> w = new Waiter<>(claim);
        boolean forever = timeoutNanos >= Long.MAX_VALUE / 4;
        long deadline = forever ? 0 : System.nanoTime() + timeoutNanos;
        T got = null;
        try {
            while (true) {
                got = await(w, forever ? POLL_NANOS : Math.min(POLL_NANOS, deadline - System.nanoTime()));
                if (got != null) {
                    return got;
                }
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled while waiting for a free request slot");
                }
                if (!forever && deadline - System.nanoTime() <= 0) {
                    return null;
                }
            }
        } finally {
            if (got == null) {
                withdraw(w, giveBack);
            }
        }
    }

    /** Hands freed permits to waiting callers in the order they came; call after anything that frees room. */
    static void freed() {
        LOCK.lock();
        try {
            for (Iterator<Waiter<?>> it = WAITING.iterator(); it.hasNext(); ) {
                if (it.next().tryGrant()) {
                    it.remove();
                }
            }
        } finally {
            LOCK.unlock();
        }
    }

    private static <T> T await(Waiter<T> w, long nanos) throws InterruptedException {
        LOCK.lockInterruptibly();
        try {
            if (!w.queued) {
                freed(); // older callers first: only room they cannot use is left for a newcomer
                T t = w.claim.tryClaim();
                if (t != null) {
                    return t;
                }
                WAITING.addLast(w);
                w.queued = true;
            } else {
                freed(); // endpoints come back from being set aside with time, not with a release
            }
            long left = nanos;
            while (w.granted == null && w.refused == null && left > 0) {
                left = w.woken.awaitNanos(left);
            }
            if (w.refused != null) {
                throw w.refused;
            }
            T t = w.granted;
            w.granted = null;
            return t;
        } finally {
            LOCK.unlock();
        }
    }

    private static <T> void withdraw(Waiter<T> w, Consumer<T> giveBack) {
        T granted;
        LOCK.lock();
        try {
            WAITING.remove(w);
            w.queued = false;
            granted = w.granted;
            w.granted = null;
        } finally {
            LOCK.unlock();
        }
        if (granted != null) {
            giveBack.accept(granted);
        }
    }

    static int waiting() {
        LOCK.lock();
        try {
            return WAITING.size();
        } finally {
            LOCK.unlock();
        }
    }

    private static final class Waiter<T> {
        final Claim<T> claim;
        final Condition woken = LOCK.newCondition();
        boolean queued;
        T granted;
        RuntimeException refused;

        Waiter(Claim<T> claim) {
            this.claim = claim;
        }

        /** Under the lock: true when this waiter is served (granted or refused) and leaves the queue. */
        boolean tryGrant() {
            if (granted != null || refused != null) {
                return true;
            }
            try {
                granted = claim.tryClaim();
            } catch (RuntimeException e) {
                refused = e;
            }
            if (granted != null || refused != null) {
                woken.signal();
                return true;
            }
            return false;
        }
    }
}
