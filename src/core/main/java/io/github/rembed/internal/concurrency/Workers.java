package io.github.rembed.internal.concurrency;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads one call's requests run on, and their stop. Normally virtual threads. But a
 * SQL function runs inside native code on its caller's thread, and a virtual caller pins its
 * carrier while it waits: with few cores, virtual callers waiting on virtual workers can
 * occupy every carrier and deadlock. So a virtual caller gets platform workers instead, and
 * so does a worker of such a call that starts workers of its own (an image call's caption
 * batch that sends its requests through {@link TextBatches}): the virtual caller still waits.
 */
public final class Workers {
    private static final AtomicInteger NEXT_ID = new AtomicInteger();
    /** How long a stopping call waits for its workers before it interrupts them again and returns. */
    private static final long SHUTDOWN_WAIT_SEC = 10;
    /** True on a platform worker that serves a virtual caller: its own workers must be platform threads too. */
    private static final ThreadLocal<Boolean> SERVES_VIRTUAL_CALLER = ThreadLocal.withInitial(() -> false);

    private final ExecutorService executor;
    private final AtomicInteger live;
    private final boolean platform;
    private volatile boolean stopping;

    /**
     * Workers for a call made on {@code caller}; {@code live} counts their tasks while they run.
     *
     * @param name what the threads are named after, e.g. {@code "rembed-pipeline"}
     */
    public Workers(Thread caller, String name, AtomicInteger live) {
        this.live = live;
        this.platform = caller.isVirtual() || caller == Thread.currentThread() && SERVES_VIRTUAL_CALLER.get();
        String prefix = name + "-" + NEXT_ID.incrementAndGet() + "-";
        this.executor = Executors.newThreadPerTaskExecutor(platform
                ? Thread.ofPlatform().daemon().name(prefix, 0).factory()
                : Thread.ofVirtual().name(prefix, 0).factory());
    }

    /** Runs {@code task} on a new worker; throws {@link RejectedExecutionException} once stopped or finished. */
    public void execute(Runnable task) {
        executor.execute(() -> {
            live.incrementAndGet();
            SERVES_VIRTUAL_CALLER.set(platform);
            try {
                task.run();
            } finally {
                live.decrementAndGet();
            }
        });
    }

    /** Whether the call is being cancelled: workers then start nothing new. */
    public boolean stopping() {
        return stopping;
    }

    /** Cancels: interrupts every running task and refuses new ones. */
    public void stop() {
        stopping = true;
        executor.shutdownNow();
    }

    /**
     * Refuses new tasks and waits for the running ones, even when this thread is interrupted
     * (requests must not outlive their call): an interrupt meanwhile stops them and stays set.
     * Returns whether this thread was interrupted.
     */
    public boolean finish() {
        executor.shutdown();
        boolean interrupted = Thread.interrupted();
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT_SEC, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            executor.shutdownNow();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return interrupted;
    }
}
