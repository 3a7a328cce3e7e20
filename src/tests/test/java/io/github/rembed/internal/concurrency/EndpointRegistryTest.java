package io.github.rembed.internal.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The servers a runtime knows: shared while used, bounded when not. */
class EndpointRegistryTest {
    @Test
    void serversNoSetUsesAreForgottenBeyondTheBound() throws Exception {
        EndpointRegistry registry = new EndpointRegistry(2);
        for (int i = 0; i < 50; i++) {
            registry.set("embedding test", List.of("http://server-" + i + ".invalid"), LimitSpec.fixed(1));
        }
        List<String> described = registry.describe();
        for (int tries = 0; described.size() > 2 && tries < 200; tries++) {
            System.gc(); // unused endpoints go when the collector clears them
            Thread.sleep(10);
            described = registry.describe();
        }
        assertEquals(2, described.size(), "two kept of fifty: " + String.join("\n", described));
    }

    @Test
    void aServerInUseIsNeverForgottenSoItsLimitStillHolds() throws Exception {
        EndpointRegistry registry = new EndpointRegistry(1);
        EndpointSet held = registry.set("embedding test", List.of("http://busy.invalid"), LimitSpec.fixed(1));
        Lease lease = held.acquire(() -> false);
        List<EndpointSet> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            others.add(registry.set("embedding test", List.of("http://other-" + i + ".invalid"), LimitSpec.fixed(1)));
        }
        others.clear();
        System.gc();
        EndpointSet again = registry.set("embedding test", List.of("http://busy.invalid"), LimitSpec.fixed(1));
        assertNull(again.acquire(List.of(), 0, () -> false), "the same server, its one permit still taken");
        lease.close();
    }
}
