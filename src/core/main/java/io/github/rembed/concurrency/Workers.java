package io.github.rembed.concurrency;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads one call's requests run on: virtual threads, except for a virtual caller. A SQL
 * function runs inside native code on its caller's thread, and a virtual caller pins its
 * carrier while it waits; with few cores, virtual callers waiting on virtual workers can
 * occupy every carrier and deadlock. So a virtual caller gets platform workers.
 */
final class Workers {
    /** Worker tasks running right now, process-wide; tests use it to see that nothing is left behind. */
    static final AtomicInteger LIVE = new AtomicInteger();

    private static final AtomicInteger NEXT_ID = new AtomicInteger();
    /** How long a stopping call waits for its workers before it interrupts them again and returns. */
    private static final long SHUTDOWN_WAIT_SEC = 10;

    private Workers() {
    }

    static ExecutorService forCaller(Thread caller) {
        String prefix = "rembed-batches-" + NEXT_ID.incrementAndGet() + "-";
        if (caller.isVirtual()) {
            return Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name(prefix, 0).factory());
        }
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(prefix, 0).factory());
    }

    /** Wraps a task so that {@link #LIVE} counts it while it runs. */
    static Runnable counted(Runnable task) {
        return () -> {
            LIVE.incrementAndGet();
            try {
                task.run();
            } finally {
                LIVE.decrementAndGet();
            }
        };
    }

    /**
     * Waits for a shut-down executor's tasks to end, even when this thread was interrupted
     * (its requests must not outlive the call). Returns whether it was interrupted; the
     * caller restores the flag.
     */
    static boolean await(ExecutorService workers) {
        boolean interrupted = Thread.interrupted();
        try {
            if (!workers.awaitTermination(SHUTDOWN_WAIT_SEC, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            workers.shutdownNow();
        }
        return interrupted;
    }
}
