package io.github.rembed.internal.embed;

import io.github.rembed.RembedException;
import java.util.List;

/** Refuses replies that cannot be right, so a lying server never yields a wrong BLOB. */
final class ReplyCheck {
    private ReplyCheck() {
    }

    /** As {@link #check(List, int)}, the error naming {@code what}. */
    static void check(List<float[]> vectors, int expected, String what) {
        try {
            check(vectors, expected);
        } catch (RembedException e) {
            throw new RembedException(what + ": " + e.getMessage());
        }
    }

    /** Refuses a reply with another count than expected, empty or non-finite vectors, or mixed sizes. */
    static void check(List<float[]> vectors, int expected) {
        if (vectors == null || vectors.size() != expected) {
            throw ReplyJson.malformed("expected " + expected + " embedding" + (expected == 1 ? "" : "s") + ", got "
                    + (vectors == null ? 0 : vectors.size()));
        }
        int dims = -1;
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            if (v == null || v.length == 0) {
                throw ReplyJson.malformed("embedding " + i + " is empty");
            }
            if (dims >= 0 && v.length != dims) {
                throw ReplyJson.malformed("embeddings of " + dims + " and " + v.length + " dimensions in one reply");
            }
            dims = v.length;
            for (float x : v) {
                if (!Float.isFinite(x)) {
                    throw ReplyJson.malformed("embedding " + i + " has a non-finite value");
                }
            }
        }
    }

    /** Remembers the first size seen and refuses any other, so one column never mixes sizes. */
    static void sameDimensions(java.util.concurrent.atomic.AtomicInteger known, int dims, String what) {
        int before = known.compareAndExchange(0, dims);
        if (before != 0 && before != dims) {
            throw new RembedException((what.isEmpty() ? "" : what + ": ") + "malformed reply: " + dims
                    + "-dimension embeddings where this model returned " + before + " before");
        }
    }
}
