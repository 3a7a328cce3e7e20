package io.github.rembed.internal.concurrency;

import io.github.rembed.internal.http.Redactor;
import java.util.function.LongSupplier;

/** One model server's base URL, with its own limit, health and counters. Guarded by {@link Admission#LOCK}. */
final class Endpoint {
    private final String baseUrl;
    private final ConcurrencyLimit limit;
    private final Health health;
    private final LongSupplier clock;
    private long successes;
    private long drops;
    private long failures;
    /** Tokens the provider counted in this endpoint's replies, since the process started. */
    private final TokenUsage usage = new TokenUsage();

    Endpoint(String baseUrl, LimitAlgorithm algorithm, Health.Settings health, LongSupplier clock) {
        this.baseUrl = baseUrl;
        this.limit = new ConcurrencyLimit(algorithm, clock);
        this.health = new Health(health);
        this.clock = clock;
    }

    String baseUrl() {
        return baseUrl;
    }

    long now() {
        return clock.getAsLong();
    }

    /** Under the lock: takes requests at all right now (it may still be full). */
    boolean eligible(long now) {
        return health.state(now) != Health.State.SET_ASIDE;
    }

    /** Under the lock: a request may go here right now. */
    boolean hasRoom(long now) {
        return health.open(now) && limit.hasRoom();
    }

    /** Under the lock: the limit has room, whatever the endpoint's health. */
    boolean limitHasRoom() {
        return limit.hasRoom();
    }

    /** Under the lock: nanoseconds until a set-aside endpoint is tried again; 0 otherwise. */
    long asideFor(long now) {
        return health.asideFor(now);
    }

    /** The current limit. */
    int limit() {
        return limit.limit();
    }

    TokenUsage usage() {
        return usage;
    }

    /** Under the lock. */
    double load() {
        return limit.load();
    }

    /** Under the lock, when {@link #hasRoom}. */
    Lease take(long now) {
        Health.Ticket ticket = health.sent(now);
        Lease lease = new Lease(this);
        lease.permit = limit.take(outcome -> {
            switch (outcome) {
                case SUCCESS -> successes++;
                case REJECTED, UNAVAILABLE -> drops++;
                case FAILED -> failures++;
                case IGNORED -> {
                }
            }
            health.record(ticket, outcome, lease.error(), clock.getAsLong());
        });
        return lease;
    }

    /** Under the lock: one line for errors naming set-aside endpoints. */
    String describeAside(long now) {
        long ms = Math.max(0, health.asideFor(now) / 1_000_000);
        String error = health.lastError().isEmpty() ? "" : ", last error: " + health.lastError();
        return Redactor.scrub(baseUrl) + " (tried again in " + ms + " ms" + error + ")";
    }

    EndpointStatus status() {
        Admission.LOCK.lock();
        try {
            return new EndpointStatus(Redactor.scrub(baseUrl), health.state(now()).label, limit.limit(),
                    limit.inFlight(), limit.adaptive(), successes, drops, failures, usage.inputTokens(),
                    usage.outputTokens());
        } finally {
            Admission.LOCK.unlock();
        }
    }
}
