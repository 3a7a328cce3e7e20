package io.github.rembed.client;

import io.github.rembed.RembedException;
import io.github.rembed.http.Redactor;
import java.net.URI;
import java.util.Locale;

/** Turns the URLs users write into the base URLs LangChain4j expects. */
final class Endpoints {
    private Endpoints() {
    }

    /** Accepts {@code .../v1/embeddings} (sqlite-rembed style) as well as the base {@code .../v1}. */
    static String openAiBase(String url) {
        String u = checked(url);
        for (String suffix : new String[] {"/embeddings", "/chat/completions"}) {
            if (u.endsWith(suffix)) {
                return u.substring(0, u.length() - suffix.length());
            }
        }
        return u;
    }

    /** Accepts the server root as well as {@code /api/embed}, {@code /api/embeddings} and friends. */
    static String ollamaBase(String url) {
        String u = checked(url);
        for (String suffix : new String[] {"/api/embeddings", "/api/embed", "/api/chat", "/api/generate", "/api"}) {
            if (u.endsWith(suffix)) {
                return u.substring(0, u.length() - suffix.length());
            }
        }
        return u;
    }

    /** {@code OLLAMA_HOST} may be {@code host}, {@code host:port} or a full URL, as Ollama itself allows. */
    static String ollamaHost(String env) {
        if (env == null || env.isBlank()) {
            return Provider.OLLAMA.defaultUrl();
        }
        String v = env.trim();
        if (!v.contains("://")) {
            v = "http://" + v;
        }
        URI u;
        try {
            u = URI.create(v);
        } catch (IllegalArgumentException e) {
            u = null;
        }
        String scheme = u == null || u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u == null || u.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new RembedException("OLLAMA_HOST '" + Redactor.url(env) + "' is not a valid Ollama address (expected host,"
                    + " host:port or http://host:port)");
        }
        String host = u.getHost().equals("0.0.0.0") ? "localhost" : u.getHost();
        int port = u.getPort() < 0 ? 11434 : u.getPort();
        return scheme + "://" + host + ":" + port;
    }

    static String host(String url) {
        return URI.create(url).getHost().toLowerCase(Locale.ROOT);
    }

    private static String checked(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        URI parsed;
        try {
            parsed = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new RembedException("url '" + Redactor.url(u) + "' is not a valid URL");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || parsed.getHost() == null) {
            throw new RembedException("url '" + Redactor.url(u) + "' must be an http:// or https:// URL with a host");
        }
        if (parsed.getUserInfo() != null) {
            throw new RembedException("url must not carry credentials; pass them as 'key'");
        }
        return u;
    }
}
