package io.github.rembed.internal.engine;

import java.util.concurrent.atomic.AtomicLong;

/** Counters for one SQL call or one Java API call; safe to update from many threads. */
public final class CallStats {
    /** Hears of a call's progress as it happens, from whichever thread made it. */
    public interface Observer {
        Observer NONE = new Observer() {
        };

        /** A request is about to be sent again. */
        default void retried() {
        }

        /** A request (or one chunk of the in-process model) embedded this many texts. */
        default void embedded(int texts) {
        }
    }

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();
    private final Observer observer;

    public CallStats() {
        this(Observer.NONE);
    }

    public CallStats(Observer observer) {
        this.observer = observer;
    }

    public void request() {
        requests.incrementAndGet();
    }

    public void retry() {
        retries.incrementAndGet();
        observer.retried();
    }

    public void cacheHit() {
        cacheHits.incrementAndGet();
    }

    /** Texts whose vectors have come back; only the observer counts them. */
    public void embedded(int texts) {
        observer.embedded(texts);
    }

    /** Tokens a reply says the provider counted (input: the texts or prompt and image; output: a caption). */
    public void tokens(long input, long output) {
        inputTokens.addAndGet(Math.max(0, input));
        outputTokens.addAndGet(Math.max(0, output));
    }

    public long inputTokens() {
        return inputTokens.get();
    }

    public long outputTokens() {
        return outputTokens.get();
    }

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    public long cacheHits() {
        return cacheHits.get();
    }
}
