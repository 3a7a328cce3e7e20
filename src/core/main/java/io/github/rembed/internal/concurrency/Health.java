package io.github.rembed.internal.concurrency;

import java.time.Duration;

/**
 * Whether an endpoint takes requests. {@link Settings#failuresToSetAside} failures in a row
 * (connection refused, 5xx, timeouts; see {@link Outcome#endpointFailure()}) set it aside for a
 * backoff that doubles, up to a cap, each time it is set aside again. When the backoff is over
 * it takes one trial request; a reply (even a 429: the server is alive) brings it back to full
 * load, a failure sets it aside again. Failures of requests sent before it was set aside do
 * not count again. Guarded by {@link Admission#LOCK}.
 */
final class Health {
    enum State {
        HEALTHY("healthy"), SET_ASIDE("set aside"), PROBING("probing");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    /**
     * @param failuresToSetAside failures in a row that set an endpoint aside
     * @param firstBackoff       how long it stays aside the first time
     * @param maxBackoff         the longest it stays aside, however often it fails
     */
    record Settings(int failuresToSetAside, Duration firstBackoff, Duration maxBackoff) {
        static final Settings DEFAULT = new Settings(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

        Settings {
            if (failuresToSetAside < 1 || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
                throw new IllegalArgumentException("bad endpoint health settings " + failuresToSetAside + ", "
                        + firstBackoff + ", " + maxBackoff);
            }
        }
    }

    private final Settings settings;
    private State state = State.HEALTHY;
    private int failuresInRow;
    private long backoffNanos;
    private long asideUntil;
    /** Bumped when the endpoint is set aside; a request remembers the value it was sent under. */
    private long generation;
    private boolean trialInFlight;
    private String lastError = "";

    Health(Settings settings) {
        this.settings = settings;
        this.backoffNanos = settings.firstBackoff().toNanos();
    }

    /** The state at {@code now}: a set-aside endpoint whose backoff is over is probed. */
    State state(long now) {
        if (state == State.SET_ASIDE && now - asideUntil >= 0) {
            state = State.PROBING;
        }
        return state;
    }

    /** May take a request now: healthy, or probing with no trial out yet. */
    boolean open(long now) {
        State s = state(now);
        return s == State.HEALTHY || s == State.PROBING && !trialInFlight;
    }

    /** A request is sent; returns what {@link #record} needs to know about it. */
    Ticket sent(long now) {
        boolean trial = state(now) == State.PROBING;
        if (trial) {
            trialInFlight = true;
        }
        return new Ticket(generation, trial);
    }

    record Ticket(long generation, boolean trial) {
    }

    void record(Ticket t, Outcome outcome, String error, long now) {
        if (t.trial) {
            trialInFlight = false;
        }
        if (outcome == Outcome.SUCCESS || outcome == Outcome.REJECTED) {
            state = State.HEALTHY;
            failuresInRow = 0;
            backoffNanos = settings.firstBackoff().toNanos();
        } else if (outcome.endpointFailure()) {
            lastError = error;
            if (t.trial) {
                setAside(now);
            } else if (t.generation == generation && state == State.HEALTHY
                    && ++failuresInRow >= settings.failuresToSetAside()) {
                setAside(now);
            }
        }
    }

    private void setAside(long now) {
        state = State.SET_ASIDE;
        asideUntil = now + backoffNanos;
        backoffNanos = Math.min(settings.maxBackoff().toNanos(), backoffNanos * 2);
        failuresInRow = 0;
        generation++;
    }

    /** Nanoseconds until a set-aside endpoint is tried again; 0 otherwise. */
    long asideFor(long now) {
        return state(now) == State.SET_ASIDE ? asideUntil - now : 0;
    }

    String lastError() {
        return lastError;
    }
}
