package io.github.rembed.bench;

import java.lang.management.ManagementFactory;

/**
 * Wall time and this process's CPU time over one measurement. The simulator runs in the same
 * JVM, so CPU near 100% of the cores means the machine, not the pipeline, set the pace.
 */
final class Stopwatch {
    private final long wall0 = System.nanoTime();
    private final long cpu0 = cpuNanos();
    private long wall = -1;
    private long cpu;

    static Stopwatch start() {
        return new Stopwatch();
    }

    Stopwatch stop() {
        wall = System.nanoTime() - wall0;
        cpu = cpuNanos() - cpu0;
        return this;
    }

    double seconds() {
        return (wall < 0 ? System.nanoTime() - wall0 : wall) / 1e9;
    }

    /** Share of all cores this process kept busy, 0..1; -1 when the JVM cannot tell. */
    double cpuShare() {
        if (cpu < 0 || wall <= 0) {
            return -1;
        }
        return cpu / (double) wall / Runtime.getRuntime().availableProcessors();
    }

    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
