package io.github.rembed.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** What the numbers were measured on: cores, CPU, memory, JDK, OS, load. */
final class Machine {
    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores (nproc)", Runtime.getRuntime().availableProcessors());
        m.put("CPU", procField("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")));
        m.put("RAM", procField("/proc/meminfo", "MemTotal").map(Machine::gib).orElse("unknown"));
        m.put("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + Runtime.version());
        m.put("JVM heap max", (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    /** The 1-minute load average, or -1 where the OS does not tell. */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static java.util.Optional<String> procField(String file, String key) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String gib(String memTotal) {
        try {
            long kb = Long.parseLong(memTotal.replace("kB", "").trim());
            return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return memTotal;
        }
    }
}
