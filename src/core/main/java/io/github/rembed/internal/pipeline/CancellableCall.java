package io.github.rembed.internal.pipeline;

import io.github.rembed.RembedException;
import io.github.rembed.internal.concurrency.Workers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs one blocking piece of work (a text embedding) on a worker thread while the caller
 * watches {@link Cancellation}, so a SQL function stops as promptly as the image pipeline
 * does: on cancellation the worker is interrupted, which abandons its HTTP exchange, and the
 * caller returns once the worker has stopped.
 */
public final class CancellableCall {
    private static final long POLL_MS = 20;

    private CancellableCall() {
    }

    /**
     * The result of {@code work}; its unchecked exceptions are rethrown as they are.
     *
     * @throws RembedException "cancelled" when {@code cancel} fired or the caller was interrupted
     */
    public static <T> T call(Supplier<T> work, Cancellation cancel) {
        Workers worker = new Workers(Thread.currentThread(), "rembed-call", new AtomicInteger());
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                try {
                    result.complete(work.get());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
            while (true) {
                try {
                    return result.get(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    if (cancel.cancelled()) {
                        worker.stop();
                        throw new RembedException("cancelled");
                    }
                } catch (InterruptedException e) {
                    worker.stop();
                    Thread.currentThread().interrupt();
                    throw new RembedException("cancelled");
                } catch (ExecutionException e) {
                    throw unchecked(e.getCause());
                }
            }
        } finally {
            worker.finish(); // after a stop: waits for the interrupted worker, so no request outlives the call
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
