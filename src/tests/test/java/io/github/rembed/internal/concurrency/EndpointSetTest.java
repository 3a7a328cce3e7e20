package io.github.rembed.internal.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.RembedException;
import io.github.rembed.internal.http.ProviderHttpException;
import io.github.rembed.internal.http.ProviderIoException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EndpointSetTest {
    private static final long SECOND = 1_000_000_000L;
    private static final ProviderIoException REFUSED =
            new ProviderIoException("connection refused", false);

    private final AtomicLong clock = new AtomicLong();

    private Endpoint endpoint(String url, int limit) {
        return new Endpoint(url, new FixedLimit(limit), Health.Settings.DEFAULT, clock::get);
    }

    private static Lease take(EndpointSet set) {
        try {
            return set.acquire(Set.of(), 0, () -> false);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eachRequestGoesToTheLeastLoadedEndpointRelativeToItsOwnLimit() {
        Endpoint small = endpoint("http://small", 2);
        Endpoint big = endpoint("http://big", 4);
        EndpointSet set = new EndpointSet("embedding", List.of(small, big));
        Map<String, Integer> count = new HashMap<>();
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Lease l = take(set);
            leases.add(l);
            count.merge(l.baseUrl(), 1, Integer::sum);
        }
        assertEquals(Map.of("http://small", 2, "http://big", 4), count);
        assertNull(take(set), "both full");
        leases.stream().filter(l -> l.baseUrl().equals("http://big")).findFirst().orElseThrow().succeeded();
        assertEquals("http://big", take(set).baseUrl(), "the freed place");
    }

    @Test
    void equalEndpointsTakeTurns() {
        EndpointSet set = new EndpointSet("embedding",
                List.of(endpoint("http://a", 8), endpoint("http://b", 8), endpoint("http://c", 8)));
        Map<String, Integer> count = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            try (Lease l = take(set)) {
                count.merge(l.baseUrl(), 1, Integer::sum);
                l.succeeded();
            }
        }
        assertEquals(Map.of("http://a", 10, "http://b", 10, "http://c", 10), count);
    }

    @Test
    void anEndpointThatFailsRepeatedlyIsSetAsideThenProbedWithOneRequestAndRecovers() throws Exception {
        Endpoint a = endpoint("http://a", 4);
        Endpoint b = endpoint("http://b", 4);
        EndpointSet set = new EndpointSet("embedding", List.of(a, b));
        failOn(set, a, 3);
        assertEquals("set aside", a.status().state());
        for (int i = 0; i < 4; i++) {
            assertSame(b, take(set).endpoint(), "all load goes to b while a is aside");
        }
        clock.addAndGet(SECOND); // a's first backoff is over
        Lease trial = set.acquire(Set.of(b), 0, () -> false);
        assertSame(a, trial.endpoint());
        assertEquals("probing", a.status().state());
        assertNull(set.acquire(Set.of(b), 0, () -> false), "one trial at a time: b is full and a is on trial");
        trial.succeeded();
        assertEquals("healthy", a.status().state());
        assertSame(a, take(set).endpoint(), "back to full load");
        assertSame(a, take(set).endpoint());
    }

    @Test
    void aFailedTrialSetsTheEndpointAsideForTwiceAsLong() {
        Endpoint a = endpoint("http://a", 4);
        EndpointSet set = new EndpointSet("embedding", List.of(a, endpoint("http://b", 4)));
        failOn(set, a, 3);
        clock.addAndGet(SECOND);
        Lease trial = acquireOn(set, a);
        trial.failed(new ProviderHttpException(503, "model loading", null));
        assertEquals("set aside", a.status().state());
        clock.addAndGet(SECOND + SECOND / 2);
        assertEquals("set aside", a.status().state(), "2 s this time");
        clock.addAndGet(SECOND);
        assertEquals("probing", a.status().state());
    }

    @Test
    void failuresOfRequestsSentBeforeTheEndpointWasSetAsideDoNotCountAgain() {
        Endpoint a = endpoint("http://a", 8);
        EndpointSet set = new EndpointSet("embedding", List.of(a, endpoint("http://b", 8)));
        List<Lease> onA = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            onA.add(acquireOn(set, a));
        }
        for (Lease l : onA) {
            l.failed(REFUSED); // six failures of one outage: the first three set it aside
        }
        clock.addAndGet(SECOND);
        assertEquals("probing", a.status().state(), "the later three did not double the backoff");
    }

    @Test
    void a429DoesNotSetAnEndpointAside() {
        Endpoint a = endpoint("http://a", 8);
        EndpointSet set = new EndpointSet("embedding", List.of(a));
        for (int i = 0; i < 10; i++) {
            take(set).failed(new ProviderHttpException(429, "slow down", Duration.ofSeconds(1)));
        }
        assertEquals("healthy", a.status().state());
        assertEquals(10, a.status().drops());
    }

    @Test
    void whenEveryEndpointIsSetAsideRequestsStillGoToTheOneDueBackSoonest() {
        Endpoint a = endpoint("http://a.example:11434", 4);
        Endpoint b = endpoint("http://b.example:11434", 4);
        EndpointSet set = new EndpointSet("embedding openai", List.of(a, b));
        failOn(set, a, 3);
        clock.addAndGet(SECOND / 2);
        failOn(set, b, 3);
        assertEquals("set aside", a.status().state());
        assertEquals("set aside", b.status().state());
        Lease lease = take(set);
        assertSame(a, lease.endpoint(), "a is tried again first: its backoff ends first");
        lease.succeeded();
        assertEquals("healthy", a.status().state(), "a reply brings it back at once");
    }

    @Test
    void aClientWithOneServerKeepsTryingItAfterFailures() {
        Endpoint only = endpoint("http://only", 2);
        EndpointSet set = new EndpointSet("embedding ollama", List.of(only));
        failOn(set, only, 5);
        assertEquals("set aside", only.status().state());
        assertSame(only, take(set).endpoint(), "not turned away: the request's own error tells the user more");
    }

    @Test
    void aCallerWaitingForAFullEndpointGetsItsPlaceWhenTheRequestsAheadFail() throws Exception {
        Health.Settings oneStrike = new Health.Settings(1, Duration.ofSeconds(1), Duration.ofSeconds(30));
        Endpoint a = new Endpoint("http://a", new FixedLimit(3), oneStrike, clock::get);
        EndpointSet set = new EndpointSet("vision", List.of(a));
        List<Lease> out = List.of(take(set), take(set), take(set));
        AtomicReference<Lease> got = new AtomicReference<>();
        int queuedBefore = Admission.waiting();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                got.set(set.acquire(() -> false));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ConcurrencyLimitTest.awaitWaiting(queuedBefore + 1);
        out.forEach(l -> l.failed(REFUSED));
        waiter.join();
        assertNotNull(got.get());
        assertEquals(1, a.status().inFlight());
        got.get().close();
        assertEquals(0, a.status().inFlight());
    }

    @Test
    void aRequestThatFailedOnOneEndpointPrefersTheOthers() throws Exception {
        Endpoint a = endpoint("http://a", 4);
        Endpoint b = endpoint("http://b", 4);
        EndpointSet set = new EndpointSet("embedding", List.of(a, b));
        assertSame(b, set.acquire(Set.of(a), 0, () -> false).endpoint());
        assertSame(b, set.acquire(Set.of(a), 0, () -> false).endpoint(), "even when a is less loaded");
    }

    @Test
    void sharedSetsOfOneStageUseOneLimitPerUrl() {
        String url = "http://shared-" + System.nanoTime() + ".invalid";
        EndpointRegistry registry = new EndpointRegistry(16);
        EndpointSet one = registry.set("embedding test", List.of(url), LimitSpec.fixed(2));
        EndpointSet two = registry.set("embedding test", List.of(url, url), LimitSpec.fixed(2));
        assertEquals(1, two.size(), "a URL listed twice counts once");
        Lease x = take(one);
        Lease y = take(two);
        assertNotNull(x);
        assertNotNull(y);
        assertNull(take(one), "the second connection's request counts against the same limit");
        assertEquals(2, two.status().get(0).inFlight());
        x.close();
        y.close();
    }

    @Test
    void limitSpecReadsAutoOrANumber() {
        assertTrue(LimitSpec.parse(" AUTO ").adaptive());
        assertEquals(8, LimitSpec.parse("8").fixed());
        RembedException e = assertThrows(RembedException.class, () -> LimitSpec.parse("lots"));
        assertTrue(e.getMessage().contains("max_concurrent_requests must be 'auto' or a whole number"));
        assertThrows(RembedException.class, () -> LimitSpec.fixed(0));
    }

    private Lease acquireOn(EndpointSet set, Endpoint target) {
        List<Endpoint> others = set.endpoints().stream().filter(e -> e != target).toList();
        try {
            Lease l = set.acquire(others, 0, () -> false);
            assertSame(target, l.endpoint());
            return l;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private void failOn(EndpointSet set, Endpoint target, int times) {
        for (int i = 0; i < times; i++) {
            acquireOn(set, target).failed(REFUSED);
        }
    }
}
