package io.github.rembed.shell;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * User and system CPU seconds of the whole process, for {@code .timer}: the work of a
 * statement may run on other threads (model inference, concurrent requests).
 */
final class CpuClock {
    private static final Path PROC_STAT = Path.of("/proc/self/stat");
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /** CPU seconds spent so far. */
    record Times(double user, double sys) {
    }

    private CpuClock() {
    }

    static Times now() {
        try {
            // Fields after the command name (which may hold spaces) start at "state": utime and stime are 12 and 13.
            String stat = Files.readString(PROC_STAT);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new Times(Long.parseLong(f[11]) / TICKS_PER_SECOND, Long.parseLong(f[12]) / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double user = threads.getCurrentThreadUserTime() / 1e9;
            return new Times(user, Math.max(0, threads.getCurrentThreadCpuTime() / 1e9 - user));
        }
    }
}
