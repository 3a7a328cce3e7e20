package io.github.rembed.concurrency;

import io.github.rembed.RembedException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>When every endpoint is set aside, {@link #acquire} fails at once with an error naming
 * them, when each will be tried again and its last error. The alternatives were worse: to
 * wait would hold callers for up to the longest backoff behind servers known to be down, and
 * to send to the least recently failed would spend a timeout per request on a server that
 * most likely is still down. A user who fixes the server only waits out the backoff (1 s,
 * doubling to at most 30 s while the endpoint keeps failing).
 */
public final class EndpointSet {
    private static final Map<Key, Endpoint> SHARED = new ConcurrentHashMap<>();

    private record Key(String stage, String baseUrl, LimitSpec limit) {
    }

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

    /**
     * The endpoints for {@code baseUrls}, shared process-wide: every set made with the same
     * stage, URL and limit uses the same limit and health for that URL, so the limit holds for
     * the server across all connections and calls. A URL listed twice counts once.
     *
     * @param stage what the endpoints serve, for example {@code "embedding openai"}; part of
     *              the sharing key and of error messages
     */
    public static EndpointSet shared(String stage, List<String> baseUrls, LimitSpec limit) {
        List<Endpoint> list = new ArrayList<>();
        for (String url : new LinkedHashSet<>(baseUrls)) {
            list.add(SHARED.computeIfAbsent(new Key(stage, url, limit),
                    k -> new Endpoint(url, limit.newAlgorithm(), Health.Settings.DEFAULT, System::nanoTime)));
        }
        return new EndpointSet(stage, list);
    }

    /**
     * Waits for a place on the least-loaded endpoint that has room.
     *
     * @param cancelled asked on this thread every few milliseconds while waiting
     * @throws RembedException                               when every endpoint is set aside
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

    /** Under the lock: a lease on the best endpoint with room, null to wait, or an error when none is open. */
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
            throw allSetAside(now);
        }
        return null;
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

    private RembedException allSetAside(long now) {
        StringJoiner each = new StringJoiner("; ");
        endpoints.forEach(e -> each.add(e.describeAside(now)));
        return new RembedException(stage + ": every endpoint is set aside after repeated failures, so no request "
                + "was sent: " + each);
    }

    /** Each endpoint as it is now. */
    public List<EndpointStatus> status() {
        return endpoints.stream().map(Endpoint::status).toList();
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
