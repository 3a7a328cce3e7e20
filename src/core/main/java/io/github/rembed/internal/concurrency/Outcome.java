package io.github.rembed.internal.concurrency;

/**
 * How one request ended, as far as limits and endpoint health care. A drop ({@link #REJECTED},
 * {@link #UNAVAILABLE}) tells an adaptive limit to back off; a failure of the endpoint
 * ({@link #UNAVAILABLE}, {@link #FAILED}) counts towards setting it aside.
 */
enum Outcome {
    /** A reply: the limit learns its latency, the endpoint is healthy. */
    SUCCESS,
    /** 429: the server is alive but has more than it can take. */
    REJECTED,
    /** 503, 408, 504 or a timeout: overloaded or going down. */
    UNAVAILABLE,
    /** Connection refused or reset, 500, 502: the endpoint is broken; its load says nothing. */
    FAILED,
    /** The request's own fault (another 4xx, a malformed reply) or a cancelled request: no signal. */
    IGNORED;

    boolean dropped() {
        return this == REJECTED || this == UNAVAILABLE;
    }

    boolean endpointFailure() {
        return this == UNAVAILABLE || this == FAILED;
    }

    /** Worth sending again, here or elsewhere. */
    boolean retryable() {
        return this == REJECTED || this == UNAVAILABLE || this == FAILED;
    }
}
