package io.github.rembed.simulator;

/**
 * A request the simulator rejects; the message goes into the error body. The status is the
 * endpoint's usual one for a request of the wrong shape unless the real service answers
 * this particular mistake differently.
 */
final class BadRequest extends Exception {
    private final Integer status;

    BadRequest(String message) {
        this(message, null);
    }

    BadRequest(String message, Integer status) {
        super(message, null, false, false);
        this.status = status;
    }

    int status(Endpoint e) {
        return status != null ? status : e.badRequestStatus();
    }
}
