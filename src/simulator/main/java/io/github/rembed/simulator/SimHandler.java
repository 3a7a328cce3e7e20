package io.github.rembed.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serves every request: auth, queued faults, capacity, parsing, content markers, latency,
 * then the reply. Each request runs on its own virtual thread, so waits are plain blocking.
 */
final class SimHandler implements HttpHandler {
    private static final ThreadLocal<Runnable> LEAVE = new ThreadLocal<>();
    private static final String MISSING_MODEL = "missing-model";
    /** Ends the in-flight count of the request this thread serves, once; see {@link #leave}. */
    private static final int SLOW_FACTOR = 10;
    private static final int LONG_CAPTION_BYTES = 6 << 20;

    private final SimConfig config;
    private final Faults faults;
    private final Metrics metrics;
    private final CountDownLatch closed;
    private final Random random;
    private final Set<String> flakySeen = ConcurrentHashMap.newKeySet();
    /**
     * The capacity slot of each exchange being served. Not an exchange attribute: the JDK
     * server keeps those per context, shared by every exchange, so one request's 429 would
     * give back another's slot.
     */

    SimHandler(SimConfig config, Faults faults, Metrics metrics, CountDownLatch closed) {
        this.config = config;
        this.faults = faults;
        this.metrics = metrics;
        this.closed = closed;
        this.random = new Random(config.seed());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            route(exchange, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: the connection is dropped
        }
    }

    private void route(HttpExchange ex, byte[] body) throws IOException, InterruptedException {
        String path = ex.getRequestURI().getPath();
        Endpoint e = Endpoint.forPath(path);
        if (e == null) {
            if (path.equals("/") && ex.getRequestMethod().equals("GET")) {
                send(ex, 200, "text/plain; charset=utf-8", "Ollama is running".getBytes(StandardCharsets.UTF_8));
            } else {
                sendJson(ex, 404, Replies.error(null, 404, "404 page not found: " + path, null));
            }
            return;
        }
        metrics.request(e, ex.getRequestHeaders().getFirst("Authorization"), Credentials.all(ex));
        if (!ex.getRequestMethod().equals("POST")) {
            ex.getResponseHeaders().set("Allow", "POST");
            sendError(ex, e, 405, "method " + ex.getRequestMethod() + " not allowed on " + path + "; use POST",
                    "invalid_request_error");
            return;
        }
        if (config.requiredKey() != null && !Credentials.carries(ex, e, config.requiredKey())) {
            // Never echo what was sent: it may be a real key.
            boolean missing = Credentials.of(ex, e) == null;
            int status = e.auth() == Endpoint.Auth.GOOGLE ? (missing ? 403 : 400) : 401;
            sendError(ex, e, status, missing ? "missing API key (" + Credentials.where(e) + ")"
                    : "incorrect API key provided", "invalid_request_error");
            return;
        }
        Fault fault = faults.take(e);
        if (fault != null && replyWithFault(ex, e, fault)) {
            return;
        }
        if (!metrics.enter(e, config.capacity(e))) {
            tooManyRequests(ex, e, config.retryAfter(), "the simulated server is at capacity ("
                    + config.capacity(e) + " " + (e.vision() ? "vision" : "embedding") + " requests in flight)");
            return;
        }
        // Leaves the in-flight count just before the reply goes out: a client that has its reply
        // may send its next request before this thread gets to run again. (Per thread: the
        // attributes of an HttpExchange belong to its context, shared by every exchange.)
        AtomicBoolean left = new AtomicBoolean();
        LEAVE.set(() -> {
            if (left.compareAndSet(false, true)) {
                metrics.leave(e);
            }
        });
        try {
            serve(ex, e, body, fault);
        } finally {
            leave();
            LEAVE.remove();
        }
    }

    private void serve(HttpExchange ex, Endpoint e, byte[] body, Fault fault)
            throws IOException, InterruptedException {
        SimRequest request;
        try {
            request = RequestParser.parse(e, ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                    parseJson(body));
        } catch (BadRequest bad) {
            sendError(ex, e, bad.status(e), bad.getMessage(), "invalid_request_error");
            return;
        }
        if (request.model().equals(MISSING_MODEL)) {
            sendError(ex, e, 404, "model \"" + MISSING_MODEL + "\" not found, try pulling it first", "not_found_error");
            return;
        }
        List<byte[]> contents = request.contents();
        if (any(contents, Marker.HANG)) {
            closed.await();
            return;
        }
        if (any(contents, Marker.STATUS_500)) {
            sendError(ex, e, 500, "simulated internal error (FAULT:500 in the input)", "server_error");
            return;
        }
        if (any(contents, Marker.STATUS_400)) {
            sendError(ex, e, 400, "simulated invalid input (FAULT:400 in the input)", "invalid_request_error");
            return;
        }
        if (any(contents, Marker.TOO_MANY_REQUESTS)) {
            tooManyRequests(ex, e, config.retryAfter(), "simulated rate limit (FAULT:429 in the input)");
            return;
        }
        if (firstSightOfFlaky(request.model(), contents)) {
            sendError(ex, e, 503, "simulated transient failure (FAULT:FLAKY, first attempt)", "server_error");
            return;
        }
        Duration wait = config.latency(e).sample(random);
        if (any(contents, Marker.SLOW)) {
            wait = wait.multipliedBy(SLOW_FACTOR);
        }
        if (!wait.isZero() && closed.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            return; // closing while waiting: drop the connection
        }
        if (fault instanceof Fault.Garbage || any(contents, Marker.GARBAGE)) {
            send(ex, 200, "application/json", "<html>simulated garbage, not JSON".getBytes(StandardCharsets.UTF_8));
            return;
        }
        boolean wrongShape = fault instanceof Fault.WrongCount || fault instanceof Fault.WrongDimensions;
        ObjectNode reply = e.vision() ? Replies.caption(request, wrongShape ? "" : caption(request))
                : Replies.embeddings(request, vectors(request, fault), indexOrder(fault));
        if (!wrongShape) {
            metrics.served(e, request.size());
        }
        if (request.base64()) {
            metrics.base64Reply();
        }
        if (request.prompt() != null) {
            metrics.prompt(request.prompt());
        }
        sendJson(ex, 200, reply);
    }

    /** Applies a queued fault that replaces the whole exchange; false when it shapes a normal reply. */
    private boolean replyWithFault(HttpExchange ex, Endpoint e, Fault fault) throws IOException, InterruptedException {
        switch (fault) {
            case Fault.Status s -> sendError(ex, e, s.code(), "simulated HTTP " + s.code(),
                    s.code() >= 500 ? "server_error" : "invalid_request_error");
            case Fault.TooManyRequests t -> tooManyRequests(ex, e, t.retryAfter(), "simulated rate limit");
            case Fault.Hang h -> closed.await();
            case Fault.DropConnection d -> {
                // Closing the exchange before any header is sent closes the socket.
            }
            default -> {
                return sendHostileBody(ex, fault);
            }
        }
        return true;
    }

    /** A body that only the client's limits can stop; a client that hangs up ends it. */
    private boolean sendHostileBody(HttpExchange ex, Fault fault) throws InterruptedException {
        try {
            return HostileBodies.send(ex, fault, closed);
        } catch (IOException clientWentAway) {
            return true;
        }
    }

    private List<float[]> vectors(SimRequest r, Fault fault) {
        int dims = r.dimensions() != null ? r.dimensions() : config.dimensions();
        if (fault instanceof Fault.WrongDimensions) {
            dims = Math.max(1, dims - 1);
        }
        List<float[]> out = new ArrayList<>(r.texts().size());
        for (int i = 0; i < r.texts().size(); i++) {
            out.add(Outputs.vector(r.model(), r.vectorText(i), dims));
        }
        if (fault instanceof Fault.WrongCount) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static Replies.IndexOrder indexOrder(Fault fault) {
        return fault instanceof Fault.ReorderedIndexes ? Replies.IndexOrder.REVERSED
                : fault instanceof Fault.DuplicateIndex ? Replies.IndexOrder.DUPLICATE : Replies.IndexOrder.IN_ORDER;
    }

    private static String caption(SimRequest r) {
        if (any(r.images(), Marker.LONG_CAPTION)) {
            return "x".repeat(LONG_CAPTION_BYTES);
        }
        List<String> captions = new ArrayList<>(r.images().size());
        for (byte[] image : r.images()) {
            captions.add(Outputs.caption(r.model(), image));
        }
        return String.join(" ", captions);
    }

    /** FAULT:FLAKY content fails the first time it is seen (per model and exact bytes). */
    private boolean firstSightOfFlaky(String model, List<byte[]> contents) {
        boolean first = false;
        for (byte[] c : contents) {
            if (Marker.FLAKY.in(c) && flakySeen.add(HexFormat.of().formatHex(Outputs.sha256(model, c)))) {
                first = true;
            }
        }
        return first;
    }

    private static boolean any(List<byte[]> contents, Marker marker) {
        for (byte[] c : contents) {
            if (marker.in(c)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode parseJson(byte[] body) throws BadRequest {
        if (body.length == 0) {
            throw new BadRequest("empty request body; expected JSON");
        }
        try {
            return Replies.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequest("malformed JSON in request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("unreadable request body: " + e.getMessage());
        }
    }

    private void tooManyRequests(HttpExchange ex, Endpoint e, Duration retryAfter, String message)
            throws IOException {
        ex.getResponseHeaders().set("Retry-After", retryAfterValue(retryAfter));
        sendError(ex, e, 429, message, "rate_limit_error");
    }

    /** Whole seconds when exact, else decimal seconds such as "0.05". */
    static String retryAfterValue(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000)
                : BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    }

    private void sendError(HttpExchange ex, Endpoint e, int status, String message, String openAiType)
            throws IOException {
        sendJson(ex, status, Replies.error(e, status, message, openAiType));
    }

    private void sendJson(HttpExchange ex, int status, ObjectNode body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", Replies.JSON.writeValueAsBytes(body));
    }

    private static void leave() {
        Runnable leave = LEAVE.get();
        if (leave != null) {
            leave.run();
        }
    }

    private void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        leave();
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
