package io.github.rembed.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** How long the simulator waits before answering a request. */
public sealed interface Latency {

    /** The wait for one request, drawn from {@code random}. */
    Duration sample(RandomGenerator random);

    static Latency none() {
        return None.INSTANCE;
    }

    static Latency fixed(Duration d) {
        return new Fixed(nonNegative(d));
    }

    /** Log-normal around {@code median}: {@code median * exp(sigma * N(0,1))}, a realistic long tail. */
    static Latency lognormal(Duration median, double sigma) {
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
        }
        return new LogNormal(nonNegative(median), sigma);
    }

    static Latency uniform(Duration min, Duration max) {
        if (nonNegative(max).compareTo(nonNegative(min)) < 0) {
            throw new IllegalArgumentException("max " + max + " is below min " + min);
        }
        return new Uniform(min, max);
    }

    private static Duration nonNegative(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + d);
        }
        return d;
    }

    /** No wait. */
    enum None implements Latency {
        INSTANCE;

        @Override
        public Duration sample(RandomGenerator random) {
            return Duration.ZERO;
        }
    }

    record Fixed(Duration value) implements Latency {
        @Override
        public Duration sample(RandomGenerator random) {
            return value;
        }
    }

    record LogNormal(Duration median, double sigma) implements Latency {
        @Override
        public Duration sample(RandomGenerator random) {
            double nanos = median.toNanos() * Math.exp(sigma * random.nextGaussian());
            return Duration.ofNanos((long) Math.min(nanos, Duration.ofMinutes(10).toNanos()));
        }
    }

    record Uniform(Duration min, Duration max) implements Latency {
        @Override
        public Duration sample(RandomGenerator random) {
            long span = max.toNanos() - min.toNanos();
            return span == 0 ? min : min.plusNanos(random.nextLong(span + 1));
        }
    }
}
