package io.github.rembed.pipeline;

import io.github.rembed.RembedException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one blocking piece of work (a text embedding) on a worker thread while the caller
 * watches {@link Cancellation}, so a SQL function stops as promptly as the image pipeline
 * does: on cancellation the worker is interrupted, which abandons its HTTP exchange, and the
 * caller returns once the worker has stopped.
 */
public final class CancellableCall {
    private static final long POLL_MS = 20;
    private static final long STOP_WAIT_SEC = 10;

    private CancellableCall() {
    }

    /**
     * The result of {@code work}; its unchecked exceptions are rethrown as they are.
     *
     * @throws RembedException "cancelled" when {@code cancel} fired or the caller was interrupted
     */
    public static <T> T call(Supplier<T> work, Cancellation cancel) {
        ExecutorService worker = Workers.forCaller(Thread.currentThread());
        try {
            Future<T> result = worker.submit(work::get);
            while (true) {
                try {
                    return result.get(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    if (cancel.cancelled()) {
                        stop(worker);
                        throw new RembedException("cancelled");
                    }
                } catch (InterruptedException e) {
                    stop(worker);
                    Thread.currentThread().interrupt();
                    throw new RembedException("cancelled");
                } catch (ExecutionException e) {
                    throw unchecked(e.getCause());
                }
            }
        } finally {
            worker.shutdown();
        }
    }

    private static void stop(ExecutorService worker) {
        worker.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            worker.awaitTermination(STOP_WAIT_SEC, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new RembedException(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage(), t);
    }
}
