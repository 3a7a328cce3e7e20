package io.github.rembed.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads one call's requests run on, and their stop. Normally virtual threads. But a
 * SQL function runs inside native code on its caller's thread, and a virtual caller pins its
 * carrier while it waits: with few cores, virtual callers waiting on virtual workers can
 * occupy every carrier and deadlock. So a virtual caller gets platform workers instead.
 */
final class Workers {
    private static final long SHUTDOWN_WAIT_SEC = 10;
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final ExecutorService executor;
    private final AtomicInteger live;
    private volatile boolean stopping;

    /** Workers for a call made on {@code caller}; {@code live} counts their tasks while they run. */
    Workers(Thread caller, AtomicInteger live) {
        this.live = live;
        this.executor = forCaller(caller);
    }

    /** A thread-per-task executor for work a call on {@code caller} waits for: platform threads for a virtual caller. */
    static ExecutorService forCaller(Thread caller) {
        String prefix = "rembed-pipeline-" + NEXT_ID.incrementAndGet() + "-";
        return Executors.newThreadPerTaskExecutor(caller.isVirtual()
                ? Thread.ofPlatform().daemon().name(prefix, 0).factory()
                : Thread.ofVirtual().name(prefix, 0).factory());
    }

    /** Runs {@code task} on a new worker; throws {@link RejectedExecutionException} once stopped. */
    void execute(Runnable task) {
        executor.execute(() -> {
            live.incrementAndGet();
            try {
                task.run();
            } finally {
                live.decrementAndGet();
            }
        });
    }

    /** Whether the call is being cancelled: workers then start nothing new. */
    boolean stopping() {
        return stopping;
    }

    /** Cancels: interrupts every running task and refuses new ones. */
    void stop() {
        stopping = true;
        executor.shutdownNow();
    }

    /** Refuses new tasks and waits for the running ones; an interrupt meanwhile stops them and stays set. */
    void finish() {
        executor.shutdown();
        boolean interrupted = Thread.interrupted();
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT_SEC, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            executor.shutdownNow();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
