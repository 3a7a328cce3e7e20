package io.github.rembed.internal.http;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The single HTTP path every provider call takes. LangChain4j builds the request bodies and
 * parses the replies; this class sends them over its runtime's JDK client and turns failures
 * into {@link ProviderHttpException} (with {@code Retry-After}) or {@link ProviderIoException},
 * their messages free of secrets.
 *
 * <p>Every exchange is bounded: the per-request timeout is a deadline for the whole exchange,
 * headers and body, and a reply is read only up to {@link ReplyLimits} (an error reply only
 * as far as its message is shown). Waiting is interruptible, which is how cancellation
 * reaches a request: the exchange is abandoned and its connection closed.
 */
public final class ProviderHttpClient implements HttpClient {
    private static final int MAX_ERROR_BODY_CHARS = 300;

    private final ProviderHttp owner;
    private final ExecutorService senders;
    private final Duration timeout;
    private final long maxReplyBytes;

    ProviderHttpClient(ProviderHttp owner, ExecutorService senders, Duration timeout, long maxReplyBytes) {
        this.owner = owner;
        this.senders = senders;
        this.timeout = timeout;
        this.maxReplyBytes = maxReplyBytes;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder out = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout);
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (isRestricted(header.getKey())) {
                continue;
            }
            for (String value : header.getValue()) {
                out.header(header.getKey(), value);
            }
        }
        String body = request.body();
        switch (request.method()) {
            case GET -> out.GET();
            case DELETE -> out.DELETE();
            default -> out.method(request.method().name(),
                    body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = send(out.build(), endpoint(request.url()));
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            Duration retryAfter = response.headers().firstValue("Retry-After")
                    .map(v -> RetryAfter.parse(v, ZonedDateTime.now())).orElse(null);
            throw new ProviderHttpException(status, "HTTP " + status + " from " + endpoint(request.url())
                    + errorBody(response.body()), retryAfter);
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    /** Sends and waits for the whole reply, at most the timeout; every failure a {@link ProviderIoException}. */
    private HttpResponse<String> send(java.net.http.HttpRequest request, String endpoint) {
        Reading reading = new Reading(endpoint);
        // The blocking send on a thread of its own, not sendAsync: the JDK completes sendAsync's
        // future on the common ForkJoinPool, which a caller running there (a parallel stream,
        // supplyAsync) may be holding, so the reply would wait for the deadline. Platform threads,
        // as for the client's executor: virtual callers of SQL functions may pin every carrier.
        CompletableFuture<HttpResponse<String>> exchange = new CompletableFuture<>();
        java.net.http.HttpClient http = owner.http();
        Future<?> sender = null;
        if (http != null) {
            try {
                sender = senders.submit(() -> {
                    try {
                        exchange.complete(http.send(request, reading::body));
                    } catch (Throwable t) {
                        exchange.completeExceptionally(t);
                    }
                });
            } catch (RejectedExecutionException closedMeanwhile) {
                // the runtime closed between the two lines: as if it had been closed before
            }
        }
        if (sender == null) {
            throw new ProviderIoException("request to " + endpoint + " not sent: its rembed runtime is closed", false);
        }
        try {
            return exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(sender, reading);
            throw new ProviderIoException(reading.started()
                    ? "reply from " + endpoint + " was not complete within " + seconds(timeout)
                    : "no reply from " + endpoint + " within " + seconds(timeout), true);
        } catch (InterruptedException e) {
            abandon(sender, reading);
            Thread.currentThread().interrupt();
            throw new ProviderIoException("request to " + endpoint + " was cancelled", false);
        } catch (ExecutionException e) {
            reading.abandon();
            throw failure(e.getCause() == null ? e : e.getCause(), endpoint);
        }
    }

    private static void abandon(Future<?> sender, Reading reading) {
        sender.cancel(true); // interrupted, send() cancels its exchange and closes the connection
        reading.abandon();
    }

    private ProviderIoException failure(Throwable cause, String endpoint) {
        if (find(cause, ReplyTooLargeException.class) instanceof ReplyTooLargeException tooLarge) {
            return new ProviderIoException(tooLarge.getMessage(), tooLarge.retryable());
        }
        if (find(cause, HttpTimeoutException.class) != null) {
            return new ProviderIoException("no reply from " + endpoint + " within " + seconds(timeout), true);
        }
        if (find(cause, UnresolvedAddressException.class) != null || find(cause, UnknownHostException.class) != null) {
            return new ProviderIoException("cannot resolve the host of " + endpoint + " (DNS lookup failed)", false);
        }
        if (find(cause, ConnectException.class) != null) {
            return new ProviderIoException("cannot connect to " + endpoint + " (is the server running?)", false);
        }
        return new ProviderIoException("request to " + endpoint + " failed: " + Redactor.describe(cause), false);
    }

    private static Throwable find(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        listener.onError(new UnsupportedOperationException("streaming replies are not used by rembed"));
    }

    private static boolean isRestricted(String header) {
        String h = header.toLowerCase(java.util.Locale.ROOT);
        return h.equals("content-length") || h.equals("host") || h.equals("connection") || h.equals("expect")
                || h.equals("upgrade");
    }

    /** The URL without query string or user info, which may hold credentials. */
    static String endpoint(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "") + u.getPath();
        } catch (IllegalArgumentException e) {
            return "(malformed URL)";
        }
    }

    private static String errorBody(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        if (flat.length() > MAX_ERROR_BODY_CHARS) {
            flat = flat.substring(0, MAX_ERROR_BODY_CHARS) + "...";
        }
        return ": " + Redactor.scrub(flat);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** For tests and logs: which HTTP version the runtime's client speaks. */
    Version version() {
        return owner.http().version();
    }

    /** The body of one exchange: chosen when the headers arrive, given up when the exchange is. */
    private final class Reading {
        private final String endpoint;
        private volatile BoundedBody body;
        private volatile boolean started;
        private volatile boolean abandoned;

        Reading(String endpoint) {
            this.endpoint = endpoint;
        }

        HttpResponse.BodySubscriber<String> body(HttpResponse.ResponseInfo info) {
            started = true;
            boolean success = info.statusCode() >= 200 && info.statusCode() < 300;
            long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (success && announced > maxReplyBytes) {
                return BoundedBody.refused(new ReplyTooLargeException("reply from " + endpoint + " announces "
                        + announced + " bytes, more than the " + maxReplyBytes + "-byte limit", false));
            }
            BoundedBody b = new BoundedBody(success ? maxReplyBytes : ReplyLimits.ERROR_BODY_BYTES, !success, endpoint);
            body = b;
            if (abandoned) {
                b.abandon();
            }
            return b;
        }

        boolean started() {
            return started;
        }

        void abandon() {
            abandoned = true;
            BoundedBody b = body;
            if (b != null) {
                b.abandon();
            }
        }
    }
}
