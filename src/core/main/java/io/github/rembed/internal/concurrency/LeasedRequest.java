package io.github.rembed.internal.concurrency;

import io.github.rembed.RembedException;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.engine.RequestFailures;
import io.github.rembed.internal.engine.RetryPolicy;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * One request over an {@link EndpointSet}, retried the way {@link TextBatches} retries a batch:
 * each attempt under its own {@link Lease}, so that the endpoint's limit and health count
 * every attempt and an adaptive limit hears every 429. A failure the server caused (429, 5xx,
 * a timeout) goes at once to an endpoint this request has not failed on, if one is open, else
 * waits ({@code Retry-After}, or exponential backoff) without holding a place, and tries
 * again; a server that cannot be reached is tried again only elsewhere; a request refused for
 * its content fails at once.
 */
public final class LeasedRequest {
    /** One attempt on the endpoint at {@code baseUrl}; it may add the reply's token counts to {@code usage}. */
    @FunctionalInterface
    public interface Attempt<T> {
        T send(String baseUrl, TokenUsage usage) throws Exception;
    }

    private LeasedRequest() {
    }

    /**
     * Sends until an attempt succeeds or the request is given up.
     *
     * @param stats    counts each attempt as a request, each retry as a retry, and the tokens of the reply
     * @param what     names the model in errors, e.g. {@code "ollama vision model 'llava:7b' at http://..."}
     * @param stopping asked before each attempt and while waiting for a place: true gives up
     * @throws RembedException naming {@code what} and the cause ("cancelled" when stopped)
     */
    public static <T> T send(EndpointSet endpoints, RetryPolicy policy, CallStats stats, String what,
                             BooleanSupplier stopping, Attempt<T> attempt) {
        Set<Endpoint> tried = new HashSet<>();
        int maxAttempts = policy.maxAttempts() + endpoints.size() - 1;
        for (int n = 1; ; n++) {
            Lease lease = acquire(endpoints, tried, stopping, what);
            stats.request();
            TokenUsage usage = new TokenUsage(lease.endpoint().usage());
            T result;
            try {
                result = attempt.send(lease.baseUrl(), usage);
            } catch (Throwable e) {
                Failure f = Failure.of(e);
                boolean again = f.outcome().retryable() && n < maxAttempts && !stopping.getAsBoolean()
                        && (!f.elsewhereOnly() || endpoints.openBesides(Set.of(lease.endpoint())));
                lease.failed(f, e);
                if (e instanceof Error error) {
                    throw error;
                }
                if (!again) {
                    throw new RembedException(what + ": " + RequestFailures.reason(e)
                            + (n > 1 ? " after " + n + " attempts" : ""), e);
                }
                stats.retry();
                tried.add(lease.endpoint());
                if (tried.size() >= endpoints.size()) {
                    tried.clear(); // each has failed it once: any may serve it now, the latest failure last
                    tried.add(lease.endpoint());
                }
                if (!endpoints.openBesides(tried)) {
                    sleep(policy.delayBefore(n + 1, f.retryAfter(), ThreadLocalRandom.current().nextDouble()).toNanos(),
                            what);
                }
                continue;
            }
            lease.succeeded();
            stats.tokens(usage.inputTokens(), usage.outputTokens());
            return result;
        }
    }

    private static Lease acquire(EndpointSet endpoints, Set<Endpoint> tried, BooleanSupplier stopping, String what) {
        if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new RembedException(what + ": cancelled");
        }
        Lease lease;
        try {
            lease = endpoints.acquire(tried, Long.MAX_VALUE, stopping);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RembedException(what + ": cancelled");
        } catch (CancellationException e) {
            throw new RembedException(what + ": cancelled");
        }
        if (stopping.getAsBoolean()) {
            lease.close(); // granted just as the call stops: send nothing new
            throw new RembedException(what + ": cancelled");
        }
        return lease;
    }

    private static void sleep(long nanos, String what) {
        try {
            Thread.sleep(java.time.Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RembedException(what + ": cancelled");
        }
    }
}
