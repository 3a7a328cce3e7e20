package io.github.rembed.internal.concurrency;

import io.github.rembed.RembedException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The base URLs one stage of one client sends to (its model servers), each with its own
 * concurrency limit and health. The same request may go to any of them: a result never
 * depends on which one served it.
 *
 * <p>{@link #acquire} picks, among the endpoints that are not set aside, the least loaded one
 * with room: fewest requests in flight relative to its own limit, ties taken in turn. When
 * all are full the caller waits, first come, first served. An endpoint that fails repeatedly
 * is set aside and later takes one trial request before it gets full load again (see
 * {@link Health}).
 *
 * <p>Setting aside only steers requests between endpoints; it never turns one away. When every
 * endpoint is set aside, requests go to the one due back soonest as if it were healthy: a
 * client with one server keeps trying it on every call, as it would without this class, and
 * a fleet that is down entirely reports each request's own error (a refused connection, a
 * 500) rather than one about endpoint health. A reply brings an endpoint back at once.
 */
public final class EndpointSet {
    private final String stage;
    private final List<Endpoint> endpoints;
    /** Where the search for the least-loaded endpoint starts, so that ties go round. Under the lock. */
    private int cursor;

    EndpointSet(String stage, List<Endpoint> endpoints) {
        if (endpoints.isEmpty()) {
            throw new RembedException(stage + ": no endpoint URL given");
        }
        this.stage = stage;
        this.endpoints = List.copyOf(endpoints);
    }

    /** Endpoints of their own, shared with nothing (see {@link EndpointRegistry} for shared ones). */
    public static EndpointSet unshared(String stage, List<String> baseUrls, LimitSpec limit) {
        return new EndpointSet(stage, new LinkedHashSet<>(baseUrls).stream().map(url -> endpoint(url, limit)).toList());
    }

    static Endpoint endpoint(String url, LimitSpec limit) {
        return new Endpoint(url, limit.newAlgorithm(), Health.Settings.DEFAULT, System::nanoTime);
    }

    /**
     * Waits for a place on the least-loaded endpoint that has room.
     *
     * @param cancelled asked on this thread every few milliseconds while waiting
     * @throws java.util.concurrent.CancellationException when {@code cancelled} said so
     * @throws InterruptedException                          when interrupted while waiting
     */
    public Lease acquire(BooleanSupplier cancelled) throws InterruptedException {
        return acquire(Set.of(), Long.MAX_VALUE, cancelled);
    }

    /**
     * Like {@link #acquire(BooleanSupplier)}, but prefers endpoints not in {@code avoid} (those
     * this request already failed on) while any of them is not set aside, and gives up with
     * null after {@code timeoutNanos}.
     */
    Lease acquire(Collection<Endpoint> avoid, long timeoutNanos, BooleanSupplier cancelled)
            throws InterruptedException {
        return Admission.acquire(() -> claim(avoid), cancelled, timeoutNanos, Lease::close);
    }

    /** Under the lock: a lease on the best endpoint with room, or null to wait. */
    private Lease claim(Collection<Endpoint> avoid) {
        long now = endpoints.get(0).now();
        Endpoint best = null;
        boolean preferredOpen = false;
        for (int pass = 0; pass < 2 && best == null && !preferredOpen; pass++) {
            for (int i = 0; i < endpoints.size(); i++) {
                Endpoint e = endpoints.get((cursor + i) % endpoints.size());
                if (avoid.contains(e) == (pass == 0) || !e.eligible(now)) {
                    continue;
                }
                preferredOpen = true;
                if (e.hasRoom(now) && (best == null || e.load() < best.load())) {
                    best = e;
                }
            }
        }
        if (best != null) {
            cursor = (cursor + 1) % endpoints.size();
            return best.take(now);
        }
        if (!preferredOpen) {
            return soonestBack(now);
        }
        return null;
    }

    /** Under the lock, when every endpoint is set aside: a lease on the one due back soonest that has room. */
    private Lease soonestBack(long now) {
        Endpoint soonest = null;
        for (Endpoint e : endpoints) {
            if (e.limitHasRoom() && (soonest == null || e.asideFor(now) < soonest.asideFor(now))) {
                soonest = e;
            }
        }
        return soonest == null ? null : soonest.take(now);
    }

    /** Whether an endpoint outside {@code tried} could take a request now or soon (is not set aside). */
    boolean openBesides(Collection<Endpoint> tried) {
        Admission.LOCK.lock();
        try {
            long now = endpoints.get(0).now();
            for (Endpoint e : endpoints) {
                if (!tried.contains(e) && e.eligible(now)) {
                    return true;
                }
            }
            return false;
        } finally {
            Admission.LOCK.unlock();
        }
    }

    /** Each endpoint as it is now. */
    public List<EndpointStatus> status() {
        return endpoints.stream().map(Endpoint::status).toList();
    }

    /**
     * Requests this set may have in flight right now: the sum of its endpoints' current limits,
     * those set aside left out (at least 1). How much work is worth preparing at once.
     */
    public int capacity() {
        Admission.LOCK.lock();
        try {
            long now = endpoints.get(0).now();
            int sum = 0;
            for (Endpoint e : endpoints) {
                if (e.eligible(now)) {
                    sum += e.limit();
                }
            }
            return Math.max(1, sum);
        } finally {
            Admission.LOCK.unlock();
        }
    }

    public List<String> baseUrls() {
        return endpoints.stream().map(Endpoint::baseUrl).toList();
    }

    int size() {
        return endpoints.size();
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    String stage() {
        return stage;
    }

    @Override
    public String toString() {
        return stage + " " + baseUrls();
    }
}
