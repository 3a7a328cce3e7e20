package io.github.rembed.http;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * The single HTTP path every provider call takes. LangChain4j builds the request bodies and
 * parses the replies; this class sends them over one shared JDK client, applies the
 * per-request timeout, and turns failures into {@link ProviderHttpException} (with
 * {@code Retry-After}) or {@link ProviderIoException}, their messages free of secrets.
 * Blocking in {@code send} is interruptible, which is how cancellation reaches a request.
 */
public final class ProviderHttpClient implements HttpClient {
    private static final int MAX_ERROR_BODY_CHARS = 300;

    private final java.net.http.HttpClient http;
    private final Duration timeout;

    ProviderHttpClient(java.net.http.HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
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
        HttpResponse<String> response = send(out.build(), request.url());
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

    private HttpResponse<String> send(java.net.http.HttpRequest request, String url) {
        try {
            return http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ProviderIoException("no reply from " + endpoint(url) + " within " + seconds(timeout), true, e);
        } catch (ConnectException e) {
            throw new ProviderIoException("cannot connect to " + endpoint(url)
                    + " (is the server running?)", false, e);
        } catch (IOException e) {
            throw new ProviderIoException("request to " + endpoint(url) + " failed: "
                    + Redactor.describe(e), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderIoException("request to " + endpoint(url) + " was cancelled", false, e);
        }
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

    /** For tests and logs: which HTTP version the shared client speaks. */
    Version version() {
        return http.version();
    }
}
