package io.github.rembed.internal.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How much of a reply the HTTP path reads. A successful reply may be at most
 * {@link #maxReplyBytes()} (64 MiB unless the system property {@code rembed.maxReplyBytes}
 * says otherwise); an error reply is read only as far as its message is shown. Besides, all
 * replies being read at one moment share a budget of an eighth of the heap, so that many
 * large replies at once cannot exhaust memory either.
 */
final class ReplyLimits {
    static final String PROPERTY = "rembed.maxReplyBytes";
    static final long DEFAULT_MAX_REPLY_BYTES = 64L << 20;
    /** Enough of an error body for its message. */
    static final int ERROR_BODY_BYTES = 64 << 10;

    private static final long MAX_REPLY_BYTES = configured();
    private static final long BUDGET = Math.max(ERROR_BODY_BYTES, Runtime.getRuntime().maxMemory() / 8);
    private static final AtomicLong HELD = new AtomicLong();

    private ReplyLimits() {
    }

    static long maxReplyBytes() {
        return MAX_REPLY_BYTES;
    }

    /** Takes {@code bytes} from the process-wide budget; false (nothing taken) when it would run out. */
    static boolean reserve(long bytes) {
        while (true) {
            long held = HELD.get();
            if (held + bytes > BUDGET) {
                return false;
            }
            if (HELD.compareAndSet(held, held + bytes)) {
                return true;
            }
        }
    }

    static void release(long bytes) {
        HELD.addAndGet(-bytes);
    }

    static long budget() {
        return BUDGET;
    }

    /** Bytes of replies being read right now, process-wide; tests check that nothing stays reserved. */
    static long held() {
        return HELD.get();
    }

    private static long configured() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_REPLY_BYTES;
        }
        try {
            long bytes = Long.parseLong(value.trim());
            if (bytes > 0) {
                return Math.min(bytes, Integer.MAX_VALUE - 8); // one Java array holds the reply
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PROPERTY + " must be a positive number of bytes, got '" + value + "'");
    }
}
