package io.github.rembed.simulator;

import java.time.Duration;

/** Command-line flags of {@link SimulatedProvider#main}, turned into a builder. */
final class StandaloneArgs {
    static final String USAGE = "usage: SimulatedProvider [--port N] [--dims D] [--embed-latency-ms X]"
            + " [--vision-latency-ms X] [--jitter-sigma S] [--vision-capacity N] [--retry-after-ms X]";

    private StandaloneArgs() {
    }

    static SimulatedProvider.Builder parse(String[] args) {
        SimulatedProvider.Builder b = SimulatedProvider.builder();
        long embedMs = 0;
        long visionMs = 0;
        double sigma = 0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> b.port(integer(flag, value));
                case "--dims" -> b.embeddingDimensions(integer(flag, value));
                case "--embed-latency-ms" -> embedMs = integer(flag, value);
                case "--vision-latency-ms" -> visionMs = integer(flag, value);
                case "--jitter-sigma" -> sigma = decimal(flag, value);
                case "--vision-capacity" -> b.visionCapacity(integer(flag, value));
                case "--retry-after-ms" -> b.retryAfter(Duration.ofMillis(integer(flag, value)));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        b.embeddingLatency(latency(embedMs, sigma));
        b.visionLatency(latency(visionMs, sigma));
        return b;
    }

    /** A median with log-normal jitter when sigma > 0. */
    private static Latency latency(long ms, double sigma) {
        if (ms == 0) {
            return Latency.none();
        }
        Duration median = Duration.ofMillis(ms);
        return sigma > 0 ? Latency.lognormal(median, sigma) : Latency.fixed(median);
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects an integer, got \"" + value + "\"");
        }
    }

    private static double decimal(String flag, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects a number, got \"" + value + "\"");
        }
    }
}
