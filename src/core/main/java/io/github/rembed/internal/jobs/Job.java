package io.github.rembed.internal.jobs;

import io.github.rembed.ItemResult;
import io.github.rembed.Progress;
import io.github.rembed.ProgressListener;
import io.github.rembed.internal.engine.CallStats;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The live counters of one bulk call, read by its listener and by {@code rembed_jobs()}.
 * Close it when the call ends, however it ends: a listed job then leaves the registry.
 */
public final class Job implements CallStats.Observer, AutoCloseable {
    private final long id;
    private final String function;
    private final String client;
    private final long connection;
    private final String database;
    private final Instant started = Instant.now();
    private final long startNanos = System.nanoTime();
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final CallStats stats = new CallStats(this);
    /** The registry that lists this job, or null when it is not listed. */
    private final Jobs listedIn;
    private volatile ProgressListener listener;

    Job(long id, String function, String client, long connection, String database, long total,
        ProgressListener listener, Jobs listedIn) {
        this.id = id;
        this.function = function;
        this.client = client;
        this.connection = connection;
        this.database = database;
        this.total = total;
        this.listener = listener;
        this.listedIn = listedIn;
        changed();
    }

    /** Counters for the call's requests; their retries and embedded texts count here. */
    public CallStats stats() {
        return stats;
    }

    @Override
    public void retried() {
        add(retries, 1);
    }

    @Override
    public void embedded(int texts) {
        done(texts);
    }

    public void done(long items) {
        add(done, items);
    }

    public void failed(long items) {
        add(failed, items);
    }

    public void skipped(long items) {
        add(skipped, items);
    }

    /** With a listener, each change is counted and reported under one lock: every report shows exactly one more change. */
    private void add(AtomicLong counter, long items) {
        if (listener == null) {
            counter.addAndGet(items);
            return;
        }
        synchronized (this) {
            counter.addAndGet(items);
            changed();
        }
    }

    /** Counts one item's result as done or failed. */
    public void count(ItemResult result) {
        if (result instanceof ItemResult.Embedded) {
            done(1);
        } else {
            failed(1);
        }
    }

    /** {@code sink}, after counting each result. */
    public Consumer<ItemResult> counting(Consumer<? super ItemResult> sink) {
        return r -> {
            count(r);
            sink.accept(r);
        };
    }

    public Progress progress() {
        return new Progress(done.get(), failed.get(), skipped.get(), retries.get(), total,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    public long id() {
        return id;
    }

    public String function() {
        return function;
    }

    public String client() {
        return client;
    }

    /** The number {@code rembed_jobs()} gives the connection that runs the call. */
    public long connection() {
        return connection;
    }

    /** The database file of that connection, or {@code :memory:}. */
    public String database() {
        return database;
    }

    public Instant started() {
        return started;
    }

    private void changed() {
        ProgressListener l = listener;
        if (l == null) {
            return;
        }
        synchronized (this) {
            if (listener == null) {
                return;
            }
            try {
                l.onProgress(progress());
            } catch (RuntimeException e) {
                listener = null; // a broken listener must not break the call
            }
        }
    }

    @Override
    public void close() {
        if (listedIn != null) {
            listedIn.remove(this);
        }
    }
}
