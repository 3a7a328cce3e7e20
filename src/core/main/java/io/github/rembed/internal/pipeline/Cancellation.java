package io.github.rembed.internal.pipeline;

/**
 * Asked by the waiting caller, every few milliseconds, whether to give up. It runs on the
 * caller's thread, so an implementation may use that thread's resources (the SQL functions
 * use it to look at their connection).
 */
@FunctionalInterface
public interface Cancellation {
    Cancellation NEVER = () -> false;

    boolean cancelled();
}
