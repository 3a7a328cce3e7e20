package io.github.rembed.simulator;

import java.time.Duration;
import java.util.Objects;

/** A way for the simulator to misbehave on one request. */
public sealed interface Fault {

    /** Reply with this HTTP status and a provider-like error body. */
    static Fault status(int code) {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + code);
        }
        return new Status(code);
    }

    /** Reply 429 with this {@code Retry-After}. */
    static Fault tooManyRequests(Duration retryAfter) {
        return new TooManyRequests(Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /** Never reply; the request is released (connection closed) when the simulator closes. */
    static Fault hang() {
        return Hang.INSTANCE;
    }

    /** Reply 200 with a body that is not JSON. */
    static Fault garbage() {
        return Garbage.INSTANCE;
    }

    /** Reply 200 with one vector fewer than inputs (vision: an empty caption). */
    static Fault wrongCount() {
        return WrongCount.INSTANCE;
    }

    /** Reply 200 with vectors one float short (vision: an empty caption). */
    static Fault wrongDimensions() {
        return WrongDimensions.INSTANCE;
    }

    /** Close the connection without any reply. */
    static Fault dropConnection() {
        return DropConnection.INSTANCE;
    }

    /** OpenAI format: reply 200 with the {@code data} items in reverse order, each keeping its true {@code index}. */
    static Fault reorderedIndexes() {
        return ReorderedIndexes.INSTANCE;
    }

    /** OpenAI format: reply 200 with every {@code data} item claiming {@code index} 0. */
    static Fault duplicateIndex() {
        return DuplicateIndex.INSTANCE;
    }

    /** Reply 200 with a body that never ends (chunked, written as fast as the client reads). */
    static Fault endlessBody() {
        return new EndlessBody(200);
    }

    /** Reply with this status and a body that never ends. */
    static Fault endlessBody(int status) {
        return new EndlessBody(((Status) status(status)).code());
    }

    /** Reply 200 announcing {@code bytes} in {@code Content-Length}, then sending them. */
    static Fault hugeBody(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes must be > 0, got " + bytes);
        }
        return new HugeBody(bytes);
    }

    /** Reply 200 with the start of a body, then nothing more until the simulator closes. */
    static Fault stalledBody() {
        return StalledBody.INSTANCE;
    }

    /** Reply 200 and send the body one byte per {@code interval}, never finishing. */
    static Fault slowloris(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        return new Slowloris(interval);
    }

    /** Send the status line and headers of a 200, then no body at all until the simulator closes. */
    static Fault hangAfterHeaders() {
        return HangAfterHeaders.INSTANCE;
    }

    record Status(int code) implements Fault {
    }

    record HugeBody(long bytes) implements Fault {
    }

    record EndlessBody(int status) implements Fault {
    }

    record Slowloris(Duration interval) implements Fault {
    }

    enum StalledBody implements Fault { INSTANCE }

    enum HangAfterHeaders implements Fault { INSTANCE }

    record TooManyRequests(Duration retryAfter) implements Fault {
    }

    enum Hang implements Fault { INSTANCE }

    enum Garbage implements Fault { INSTANCE }

    enum WrongCount implements Fault { INSTANCE }

    enum WrongDimensions implements Fault { INSTANCE }

    enum DropConnection implements Fault { INSTANCE }

    enum ReorderedIndexes implements Fault { INSTANCE }

    enum DuplicateIndex implements Fault { INSTANCE }
}
