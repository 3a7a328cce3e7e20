package io.github.rembed.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Where requests carry their keys: a bearer token, Google's header or query parameter, Azure's header. */
final class Credentials {
    private static final String GOOGLE_HEADER = "x-goog-api-key";
    private static final String AZURE_HEADER = "api-key";

    private Credentials() {
    }

    /** The key this request carries where endpoint {@code e} looks for it, or null. */
    static String of(HttpExchange ex, Endpoint e) {
        return switch (e.auth()) {
            case BEARER -> {
                String h = ex.getRequestHeaders().getFirst("Authorization");
                yield h != null && h.startsWith("Bearer ") ? h.substring("Bearer ".length()) : h;
            }
            case GOOGLE -> {
                String h = ex.getRequestHeaders().getFirst(GOOGLE_HEADER);
                yield h != null ? h : queryKey(ex);
            }
            case AZURE -> ex.getRequestHeaders().getFirst(AZURE_HEADER);
        };
    }

    /** True when the request carries {@code key} the way endpoint {@code e} expects it. */
    static boolean carries(HttpExchange ex, Endpoint e, String key) {
        if (e.auth() == Endpoint.Auth.BEARER) {
            return ("Bearer " + key).equals(ex.getRequestHeaders().getFirst("Authorization"));
        }
        return key.equals(of(ex, e));
    }

    /** For error messages: where endpoint {@code e} wants the key. */
    static String where(Endpoint e) {
        return switch (e.auth()) {
            case BEARER -> "Authorization: Bearer ...";
            case GOOGLE -> GOOGLE_HEADER + ": ...";
            case AZURE -> AZURE_HEADER + ": ...";
        };
    }

    /** Every credential the request carries, wherever it is, so tests can prove a key was not sent. */
    static List<String> all(HttpExchange ex) {
        List<String> out = new ArrayList<>(2);
        for (String header : List.of("Authorization", GOOGLE_HEADER, AZURE_HEADER)) {
            List<String> values = ex.getRequestHeaders().get(header);
            if (values != null) {
                out.addAll(values);
            }
        }
        String q = queryKey(ex);
        if (q != null) {
            out.add(q);
        }
        return out;
    }

    private static String queryKey(HttpExchange ex) {
        String query = ex.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("key=")) {
                return URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
