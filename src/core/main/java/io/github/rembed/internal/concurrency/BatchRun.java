package io.github.rembed.internal.concurrency;

import io.github.rembed.internal.engine.RequestFailures;
import io.github.rembed.internal.http.Redactor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One {@link TextBatches} call. The calling thread takes a lease for the next batch (lowest
 * index first, retries before new batches when due), hands the request to a worker, and
 * watches for results, failures and cancellation; workers only send requests. So there are
 * never more worker threads than requests in flight, and the cancellation check runs on the
 * caller's thread, as it must. Every batch ends exactly once: done, failed or cancelled.
 */
final class BatchRun {
    private final TextBatches job;
    private final List<String> texts;
    private final boolean failFast;
    private final int batches;
    private Workers workers;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** Attempts started per batch; caller thread only. */
    private final int[] attempts;

    /** Vector of each text; null where its batch did not succeed. */
    final float[][] vectors;
    /** Why each batch failed; null where it succeeded or was cut short by cancellation. */
    final String[] batchErrors;
    /** The exception behind each failed batch's last attempt, where there was one. */
    final Throwable[] batchCauses;
    /** The first failure, in fail-fast mode. */
    Throwable firstFailure;
    String firstFailureMessage;
    boolean cancelled;

    private sealed interface Event {
        int batch();
    }

    private record Done(int batch, List<float[]> vectors) implements Event {
    }

    /** A batch that failed; {@code message} is null when it was cut short by cancellation. */
    private record Failed(int batch, String message, Throwable cause) implements Event {
    }

    private record Again(int batch, Failure failure, Endpoint failedOn) implements Event {
    }

    private record Due(int batch, long atNanos) {
    }

    BatchRun(TextBatches job, List<String> texts, boolean failFast) {
        this.job = job;
        this.texts = texts;
        this.failFast = failFast;
        this.batches = (texts.size() + job.batchSize() - 1) / job.batchSize();
        this.vectors = new float[texts.size()][];
        this.batchErrors = new String[batches];
        this.batchCauses = new Throwable[batches];
        this.attempts = new int[batches];
    }

    int batches() {
        return batches;
    }

    int from(int batch) {
        return batch * job.batchSize();
    }

    int to(int batch) {
        return Math.min(texts.size(), from(batch) + job.batchSize());
    }

    void run() {
        workers = new Workers(Thread.currentThread(), "rembed-batches", job.liveWorkers());
        TreeSet<Integer> ready = new TreeSet<>();
        for (int b = 0; b < batches; b++) {
            ready.add(b);
        }
        PriorityQueue<Due> later = new PriorityQueue<>((x, y) -> Long.compare(x.atNanos, y.atNanos));
        List<Set<Endpoint>> tried = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            tried.add(new HashSet<>());
        }
        int finished = 0;
        boolean interrupted = false;
        boolean clean = false;
        long nextCheck = System.nanoTime();
        try {
            while (finished < batches && !stop()) {
                for (Event e; (e = events.poll()) != null; ) {
                    finished += handle(e, later, tried);
                }
                long now = System.nanoTime();
                if (now - nextCheck >= 0) {
                    nextCheck = now + Admission.POLL_NANOS;
                    if (Thread.currentThread().isInterrupted() || job.cancelled().getAsBoolean()) {
                        cancelled = true;
                        break;
                    }
                }
                while (!later.isEmpty() && later.peek().atNanos - now <= 0) {
                    ready.add(later.poll().batch);
                }
                if (finished == batches || stop()) {
                    break;
                }
                long wait = Admission.POLL_NANOS;
                if (!later.isEmpty()) {
                    wait = Math.max(0, Math.min(wait, later.peek().atNanos - now));
                }
                if (ready.isEmpty()) {
                    Event e = events.poll(wait, TimeUnit.NANOSECONDS);
                    if (e != null) {
                        finished += handle(e, later, tried);
                    }
                    continue;
                }
                int b = ready.first();
                Lease lease;
                try {
                    lease = job.endpoints().acquire(tried.get(b), wait, () -> false);
                } catch (RuntimeException unavailable) {
                    ready.remove(b);
                    events.add(new Failed(b, Redactor.scrub(unavailable.getMessage()), unavailable));
                    continue;
                }
                if (lease != null) {
                    for (Event e; (e = events.poll()) != null; ) {
                        finished += handle(e, later, tried);
                    }
                    if (stop()) {
                        lease.close();
                        break;
                    }
                    ready.remove(b);
                    start(b, ++attempts[b], lease);
                }
            }
            clean = true;
        } catch (InterruptedException e) {
            interrupted = true;
            cancelled = true;
        } finally {
            if (!clean || cancelled || stop()) {
                workers.stop();
            }
            interrupted |= workers.finish();
            for (Event e; (e = events.poll()) != null; ) {
                if (!(e instanceof Again)) {
                    handle(e, later, tried); // finished before the call stopped: keep its result
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** In fail-fast mode, the first failure ends the call. */
    private boolean stop() {
        return failFast && firstFailure != null;
    }

    /** Returns 1 when the event ends its batch. */
    private int handle(Event e, PriorityQueue<Due> later, List<Set<Endpoint>> tried) {
        switch (e) {
            case Done d -> {
                for (int i = 0; i < d.vectors.size(); i++) {
                    vectors[from(d.batch) + i] = d.vectors.get(i);
                }
                return 1;
            }
            case Failed f -> {
                batchErrors[f.batch] = f.message;
                batchCauses[f.batch] = f.cause;
                if (f.message != null && firstFailure == null) {
                    firstFailure = f.cause == null ? new IllegalStateException(f.message) : f.cause;
                    firstFailureMessage = f.message;
                }
                return 1;
            }
            case Again a -> {
                Set<Endpoint> t = tried.get(a.batch);
                t.add(a.failedOn);
                boolean elsewhere = job.endpoints().openBesides(t);
                if (t.size() >= job.endpoints().size()) {
                    t.clear(); // each has failed it once: any may serve it now, the latest failure last
                    t.add(a.failedOn);
                }
                long delay = elsewhere ? 0 : job.retry().delayBefore(attempts[a.batch] + 1, a.failure.retryAfter(),
                        ThreadLocalRandom.current().nextDouble()).toNanos();
                later.add(new Due(a.batch, System.nanoTime() + delay));
                return 0;
            }
        }
    }

    private void start(int batch, int attempt, Lease lease) {
        try {
            workers.execute(() -> attempt(batch, attempt, lease));
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /**
     * On a worker: one request for one batch, then one event for the caller. A failure is
     * posted before the lease is released, so that in fail-fast mode the caller learns of it
     * before it can be given the freed place for another batch.
     */
    private void attempt(int batch, int attempt, Lease lease) {
        List<String> chunk = texts.subList(from(batch), to(batch));
        TokenUsage usage = new TokenUsage(job.usage(), lease.endpoint().usage());
        job.stats().request();
        try {
            List<float[]> reply = job.call().embed(lease.baseUrl(), chunk, usage);
            job.stats().tokens(usage.inputTokens(), usage.outputTokens());
            String problem = problem(reply, chunk.size());
            if (problem != null) {
                events.add(new Failed(batch, job.what() + ": " + problem, null));
                lease.release(Outcome.IGNORED, problem);
                return;
            }
            lease.succeeded();
            job.stats().embedded(reply.size());
            events.add(new Done(batch, reply));
        } catch (Throwable e) {
            Failure f = Failure.of(e);
            if (workers.stopping() || Thread.currentThread().isInterrupted()) {
                events.add(new Failed(batch, null, e));
            } else if (f.outcome().retryable() && attempt < maxAttempts()
                    && (!f.elsewhereOnly() || job.endpoints().openBesides(Set.of(lease.endpoint())))) {
                job.stats().retry();
                events.add(new Again(batch, f, lease.endpoint()));
            } else {
                String tries = attempt > 1 ? " after " + attempt + " attempts" : "";
                events.add(new Failed(batch, job.what() + ": " + RequestFailures.reason(e) + tries, e));
            }
            lease.failed(f, e);
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            lease.close();
        }
    }

    /** The policy's attempts, plus one per further endpoint so that a request can fail over to each. */
    private int maxAttempts() {
        return job.retry().maxAttempts() + job.endpoints().size() - 1;
    }

    private static String problem(List<float[]> reply, int expected) {
        if (reply == null || reply.size() != expected) {
            return "the reply has " + (reply == null ? 0 : reply.size()) + " vectors for " + expected + " texts";
        }
        for (int i = 0; i < reply.size(); i++) {
            if (reply.get(i) == null) {
                return "the reply has no vector for text " + (i + 1) + " of " + expected;
            }
        }
        return null;
    }
}
