package io.github.rembed.simulator;

/** A request the simulator rejects with HTTP 400; the message goes into the error body. */
final class BadRequest extends Exception {
    BadRequest(String message) {
        super(message, null, false, false);
    }
}
