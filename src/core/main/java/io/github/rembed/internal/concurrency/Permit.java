package io.github.rembed.internal.concurrency;

import java.util.function.Consumer;

/**
 * One request's place under a {@link ConcurrencyLimit}. Released once, with the request's
 * outcome; later releases do nothing, so a {@code finally} may release it again safely.
 */
final class Permit {
    private final ConcurrencyLimit owner;
    private final long epoch;
    private final long startNanos;
    private final Consumer<Outcome> hook;
    /** Guarded by {@link Admission#LOCK}. */
    private boolean released;

    Permit(ConcurrencyLimit owner, long epoch, long startNanos, Consumer<Outcome> hook) {
        this.owner = owner;
        this.epoch = epoch;
        this.startNanos = startNanos;
        this.hook = hook;
    }

    long epoch() {
        return epoch;
    }

    /** Releases with the time since the permit was taken as the request's latency. */
    boolean release(Outcome outcome) {
        return release(outcome, owner.now() - startNanos);
    }

    /** Returns false when the permit was already released. */
    boolean release(Outcome outcome, long latencyNanos) {
        Admission.LOCK.lock();
        try {
            if (released) {
                return false;
            }
            released = true;
            owner.released(this, outcome, latencyNanos);
            hook.accept(outcome);
        } finally {
            Admission.LOCK.unlock();
        }
        Admission.freed();
        return true;
    }

    void success() {
        release(Outcome.SUCCESS);
    }

    void dropped() {
        release(Outcome.REJECTED);
    }

    void ignored() {
        release(Outcome.IGNORED);
    }
}
