package io.github.rembed.internal.concurrency;

import io.github.rembed.RembedException;
import java.util.Locale;

/**
 * What a user asked for as {@code max_concurrent_requests}: a fixed number per endpoint, or
 * {@code 'auto'}, an adaptive limit per endpoint (starts at 4, stays within 1..256).
 */
public record LimitSpec(boolean adaptive, int fixed) {
    public static final int MAX_FIXED = 1024;

    public LimitSpec {
        if (!adaptive && (fixed < 1 || fixed > MAX_FIXED)) {
            throw new RembedException("max_concurrent_requests must be 'auto' or 1.." + MAX_FIXED + ", got " + fixed);
        }
    }

    public static LimitSpec fixed(int n) {
        return new LimitSpec(false, n);
    }

    public static LimitSpec auto() {
        return new LimitSpec(true, 0);
    }

    /** {@code 'auto'} or a whole number, as written in client options. */
    public static LimitSpec parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("auto")) {
            return auto();
        }
        try {
            return fixed(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            throw new RembedException("max_concurrent_requests must be 'auto' or a whole number 1.." + MAX_FIXED
                    + ", got '" + value + "'");
        }
    }

    LimitAlgorithm newAlgorithm() {
        return adaptive ? new AdaptiveLimit() : new FixedLimit(fixed);
    }

    @Override
    public String toString() {
        return adaptive ? "auto" : Integer.toString(fixed);
    }
}
