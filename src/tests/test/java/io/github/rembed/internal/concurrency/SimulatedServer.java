package io.github.rembed.internal.concurrency;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A model server that serves {@code capacity} requests at once and refuses (429) or queues
 * the rest, run in simulated time against a {@link ConcurrencyLimit} by a client that always
 * has more work: deterministic for a given seed, and as fast as the CPU allows.
 */
final class SimulatedServer {
    enum Overflow { REFUSE, QUEUE }

    /**
     * What a run saw over its second half, once the limit had time to settle.
     *
     * @param utilization share of the server's capacity kept busy
     */
    record Result(int served, int refused, double meanLimit, int minLimit, int maxLimit, double utilization,
                  double refusedShare) {
    }

    private static final long REFUSAL_NANOS = 1_000_000;

    private final int capacity;
    private final Overflow overflow;
    private final long serviceNanos;
    private final double jitterSigma;
    private final Random random;

    SimulatedServer(int capacity, Overflow overflow, long serviceNanos, double jitterSigma, long seed) {
        this.capacity = capacity;
        this.overflow = overflow;
        this.serviceNanos = serviceNanos;
        this.jitterSigma = jitterSigma;
        this.random = new Random(seed);
    }

    private static final class Request implements Comparable<Request> {
        final Permit permit;
        final long sent;
        long done;
        boolean refused;

        Request(Permit permit, long sent) {
            this.permit = permit;
            this.sent = sent;
        }

        @Override
        public int compareTo(Request o) {
            return Long.compare(done, o.done);
        }
    }

    Result run(ConcurrencyLimit limit, int requests) {
        PriorityQueue<Request> running = new PriorityQueue<>();
        ArrayDeque<Request> queued = new ArrayDeque<>();
        long now = 0;
        int busy = 0;
        int finished = 0;
        int served = 0;
        int refused = 0;
        long limitSum = 0;
        int limitSamples = 0;
        int minLimit = Integer.MAX_VALUE;
        int maxLimit = 0;
        long busyNanos = 0;
        long halfStart = -1;
        while (finished < requests) {
            for (Permit p; (p = limit.tryAcquire()) != null; ) {
                Request r = new Request(p, now);
                if (busy < capacity) {
                    busy++;
                    r.done = now + service();
                    running.add(r);
                } else if (overflow == Overflow.REFUSE) {
                    r.refused = true;
                    r.done = now + REFUSAL_NANOS;
                    running.add(r);
                } else {
                    queued.add(r);
                }
            }
            Request r = running.poll();
            long previous = now;
            now = r.done;
            if (halfStart >= 0) {
                busyNanos += (now - previous) * busy;
            }
            finished++;
            if (r.refused) {
                r.permit.release(Outcome.REJECTED, now - r.sent);
            } else {
                busy--;
                Request next = queued.poll();
                if (next != null) {
                    busy++;
                    next.done = now + service();
                    running.add(next);
                }
                r.permit.release(Outcome.SUCCESS, now - r.sent);
            }
            if (finished >= requests / 2) {
                if (halfStart < 0) {
                    halfStart = now;
                } else {
                    served += r.refused ? 0 : 1;
                    refused += r.refused ? 1 : 0;
                }
                int l = limit.limit();
                limitSum += l;
                limitSamples++;
                minLimit = Math.min(minLimit, l);
                maxLimit = Math.max(maxLimit, l);
            }
        }
        running.forEach(r -> r.permit.release(Outcome.IGNORED, 0)); // leave the limit with nothing in flight
        queued.forEach(r -> r.permit.release(Outcome.IGNORED, 0));
        double utilization = (double) busyNanos / ((now - halfStart) * (double) capacity);
        return new Result(served, refused, (double) limitSum / limitSamples, minLimit, maxLimit, utilization,
                (double) refused / (served + refused));
    }

    private long service() {
        if (jitterSigma == 0) {
            return serviceNanos;
        }
        return (long) (serviceNanos * Math.exp(jitterSigma * random.nextGaussian()));
    }
}
