package io.github.rembed.internal.jobs;

import io.github.rembed.ProgressListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bulk SQL calls running in this process, for {@code rembed_jobs()}. A call enters when it
 * starts and leaves when its {@link Job} is closed. At most {@link #MAX_LISTED} are listed at
 * once; calls beyond that run as usual, unlisted, so the registry stays small.
 */
public final class Jobs {
    public static final int MAX_LISTED = 1024;
    private static final AtomicLong IDS = new AtomicLong();
    private static final Map<Long, Job> RUNNING = new ConcurrentHashMap<>();

    private Jobs() {
    }

    /** A call listed by {@code rembed_jobs()} until it is closed; {@code total} may be {@link io.github.rembed.Progress#UNKNOWN}. */
    public static Job start(String function, String client, long connection, String database, long total) {
        boolean listed = RUNNING.size() < MAX_LISTED;
        Job job = new Job(IDS.incrementAndGet(), function, client, connection, database, total, null, listed);
        if (listed) {
            RUNNING.put(job.id(), job);
        }
        return job;
    }

    /** A Java API call: never listed, reported to {@code listener} (which may be null). */
    public static Job unlisted(String function, long total, ProgressListener listener) {
        return new Job(0, function, null, 0, null, total, listener, false);
    }

    /** The running calls, oldest first. */
    public static List<Job> running() {
        List<Job> jobs = new ArrayList<>(RUNNING.values());
        jobs.sort(Comparator.comparingLong(Job::id));
        return jobs;
    }

    static void remove(Job job) {
        RUNNING.remove(job.id());
    }
}
