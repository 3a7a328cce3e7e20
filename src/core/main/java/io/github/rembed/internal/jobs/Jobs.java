package io.github.rembed.internal.jobs;

import io.github.rembed.ProgressListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bulk SQL calls running on one runtime, for {@code rembed_jobs()}. A call enters when it
 * starts and leaves when its {@link Job} is closed. At most {@link #MAX_LISTED} are listed at
 * once; calls beyond that run as usual, unlisted, so the registry stays small.
 */
public final class Jobs {
    public static final int MAX_LISTED = 1024;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Job> running = new ConcurrentHashMap<>();

    /** A call listed by {@code rembed_jobs()} until it is closed; {@code total} may be {@link io.github.rembed.Progress#UNKNOWN}. */
    public Job start(String function, String client, long connection, String database, long total) {
        boolean listed = running.size() < MAX_LISTED;
        Job job = new Job(ids.incrementAndGet(), function, client, connection, database, total, null,
                listed ? this : null);
        if (listed) {
            running.put(job.id(), job);
        }
        return job;
    }

    /** A Java API call: never listed, reported to {@code listener} (which may be null). */
    public static Job unlisted(String function, long total, ProgressListener listener) {
        return new Job(0, function, null, 0, null, total, listener, null);
    }

    /** The running calls, oldest first. */
    public List<Job> running() {
        List<Job> jobs = new ArrayList<>(running.values());
        jobs.sort(Comparator.comparingLong(Job::id));
        return jobs;
    }

    void remove(Job job) {
        running.remove(job.id());
    }
}
