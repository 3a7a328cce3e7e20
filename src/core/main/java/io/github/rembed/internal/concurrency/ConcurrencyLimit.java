package io.github.rembed.internal.concurrency;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * At most {@link #limit()} permits out at once, handed to waiting callers first come, first
 * served. The algorithm behind it may lower the limit while permits are out: the excess drains
 * as they come back. Each permit comes back exactly once, with how its request went, which is
 * what an adaptive algorithm learns from.
 */
final class ConcurrencyLimit {
    private static final Consumer<Outcome> NO_HOOK = o -> {
    };

    private final LimitAlgorithm algorithm;
    private final LongSupplier clock;
    /** Guarded by {@link Admission#LOCK}. */
    private int inFlight;

    ConcurrencyLimit(LimitAlgorithm algorithm) {
        this(algorithm, System::nanoTime);
    }

    ConcurrencyLimit(LimitAlgorithm algorithm, LongSupplier clock) {
        this.algorithm = algorithm;
        this.clock = clock;
    }

    int limit() {
        Admission.LOCK.lock();
        try {
            return algorithm.limit();
        } finally {
            Admission.LOCK.unlock();
        }
    }

    int inFlight() {
        Admission.LOCK.lock();
        try {
            return inFlight;
        } finally {
            Admission.LOCK.unlock();
        }
    }

    boolean adaptive() {
        return algorithm.adaptive();
    }

    /**
     * Waits for a permit; {@code cancelled} is asked on this thread every few milliseconds.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} says so
     */
    Permit acquire(BooleanSupplier cancelled) throws InterruptedException {
        return Admission.acquire(() -> hasRoom() ? take(NO_HOOK) : null, cancelled, Long.MAX_VALUE,
                p -> p.release(Outcome.IGNORED));
    }

    /** A permit if one is free right now and nobody waits for it, else null. */
    Permit tryAcquire() {
        Admission.LOCK.lock();
        try {
            Admission.freed();
            return hasRoom() ? take(NO_HOOK) : null;
        } finally {
            Admission.LOCK.unlock();
        }
    }

    /** Under the lock. */
    boolean hasRoom() {
        return inFlight < algorithm.limit();
    }

    /** Under the lock: in-flight requests per unit of limit, for choosing the least-loaded endpoint. */
    double load() {
        return (double) inFlight / algorithm.limit();
    }

    /** Under the lock, when {@link #hasRoom()}; {@code hook} hears the outcome, under the lock too. */
    Permit take(Consumer<Outcome> hook) {
        inFlight++;
        return new Permit(this, algorithm.onTake(), clock.getAsLong(), hook);
    }

    long now() {
        return clock.getAsLong();
    }

    /** Under the lock, once per permit. */
    void released(Permit p, Outcome outcome, long latencyNanos) {
        int before = inFlight--;
        if (outcome == Outcome.SUCCESS) {
            algorithm.onSuccess(latencyNanos, before, p.epoch());
        } else if (outcome.dropped()) {
            algorithm.onDrop(before, p.epoch());
        }
    }

    @Override
    public String toString() {
        Admission.LOCK.lock();
        try {
            return algorithm + ", " + inFlight + " in flight";
        } finally {
            Admission.LOCK.unlock();
        }
    }
}
