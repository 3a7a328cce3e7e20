package io.github.rembed.internal.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects one reply body as text, reading at most {@code limit} bytes. Past the limit, a
 * reply the caller needs whole fails with {@link ReplyTooLargeException} and the connection
 * is dropped; an error reply, read only for its message, is cut short instead. Every byte
 * held counts against the process-wide budget of {@link ReplyLimits} until the body is done.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<String> {
    private final long limit;
    private final boolean cutShort;
    private final String endpoint;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final List<ByteBuffer> parts = new ArrayList<>();
    private Flow.Subscription subscription;
    private long received;
    private long reserved;
    private boolean done;

    /**
     * @param limit    most bytes read
     * @param cutShort true to end the body at the limit instead of failing
     * @param endpoint the URL for messages, free of secrets
     */
    BoundedBody(long limit, boolean cutShort, String endpoint) {
        this.limit = limit;
        this.cutShort = cutShort;
        this.endpoint = endpoint;
    }

    /** A body that fails as soon as it starts, e.g. because its announced length is too large. */
    static HttpResponse.BodySubscriber<String> refused(ReplyTooLargeException reason) {
        return new HttpResponse.BodySubscriber<>() {
            private final CompletableFuture<String> failed = CompletableFuture.failedFuture(reason);

            @Override
            public CompletionStage<String> getBody() {
                return failed;
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.cancel();
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                // cancelled at once: nothing is kept
            }

            @Override
            public void onError(Throwable throwable) {
                // already failed
            }

            @Override
            public void onComplete() {
                // already failed
            }
        };
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (done) {
            s.cancel(); // abandoned before the body started
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
            if (done) {
                return;
            }
            int n = b.remaining();
            if (received + n > limit) {
                if (cutShort) {
                    b.limit(b.position() + (int) (limit - received));
                    keep(b);
                    subscription.cancel();
                    finish();
                } else {
                    fail(new ReplyTooLargeException("reply from " + endpoint + " is larger than the " + limit
                            + "-byte limit", false));
                }
                return;
            }
            keep(b);
        }
    }

    private void keep(ByteBuffer b) {
        int n = b.remaining();
        if (!ReplyLimits.reserve(n)) {
            fail(new ReplyTooLargeException("reply from " + endpoint + " does not fit in the memory set aside for"
                    + " replies being read at once (" + ReplyLimits.budget() + " bytes, an eighth of the heap)", true));
            return;
        }
        reserved += n;
        received += n;
        parts.add(b);
    }

    @Override
    public synchronized void onError(Throwable error) {
        if (!done) {
            done = true;
            releaseAll();
            result.completeExceptionally(error);
        }
    }

    @Override
    public synchronized void onComplete() {
        if (!done) {
            finish();
        }
    }

    /** Gives the memory back when the exchange is abandoned (deadline, cancellation). */
    synchronized void abandon() {
        if (!done) {
            done = true;
            if (subscription != null) {
                subscription.cancel();
            }
            releaseAll();
        }
    }

    private void finish() {
        done = true;
        byte[] bytes = new byte[(int) received];
        int at = 0;
        for (ByteBuffer b : parts) {
            int n = b.remaining();
            b.get(bytes, at, n);
            at += n;
        }
        releaseAll();
        result.complete(new String(bytes, StandardCharsets.UTF_8));
    }

    private void fail(ReplyTooLargeException reason) {
        done = true;
        subscription.cancel();
        releaseAll();
        result.completeExceptionally(reason);
    }

    private void releaseAll() {
        parts.clear();
        ReplyLimits.release(reserved);
        reserved = 0;
    }
}
