package io.github.rembed.internal.concurrency;

import io.github.rembed.internal.http.Redactor;

/**
 * One request's place on one endpoint of an {@link EndpointSet}. Send the request to
 * {@link #baseUrl()}, then report how it went, once: {@link #succeeded()} or
 * {@link #failed(Throwable)}. {@link #close()} gives the place back without a verdict if
 * neither was called, so try-with-resources never loses a place.
 */
public final class Lease implements AutoCloseable {
    private final Endpoint endpoint;
    /** Set once by {@link Endpoint#take}, under the lock, before the lease is handed out. */
    Permit permit;
    private String error = "";

    Lease(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    public String baseUrl() {
        return endpoint.baseUrl();
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** The request got a usable reply; its latency is the time since the lease was taken. */
    public void succeeded() {
        release(Outcome.SUCCESS, "");
    }

    /**
     * The request failed with {@code error}: a 429, 503 or timeout makes an adaptive limit back
     * off; a refused connection, 5xx or timeout counts towards setting the endpoint aside.
     */
    public void failed(Throwable error) {
        failed(Failure.of(error), error);
    }

    void failed(Failure failure, Throwable error) {
        release(failure.outcome(), Redactor.describe(error));
    }

    /** Gives the place back without a verdict, if nothing was reported yet. */
    @Override
    public void close() {
        release(Outcome.IGNORED, "");
    }

    /** Synchronized so that the message read by the endpoint's health is this release's. */
    synchronized void release(Outcome outcome, String message) {
        this.error = message.length() > 200 ? message.substring(0, 200) + "..." : message;
        permit.release(outcome);
    }

    synchronized String error() {
        return error;
    }
}
