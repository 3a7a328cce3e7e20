package io.github.rembed.internal.client;

import io.github.rembed.RembedException;
import io.github.rembed.internal.http.Redactor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Turns the URLs users write into the endpoint each provider's requests go to. */
final class Endpoints {
    /** The Azure OpenAI API version sent when the {@code url} names none. */
    static final String AZURE_API_VERSION = "2024-10-21";

    private Endpoints() {
    }

    /**
     * The embedding endpoint of {@code provider} for a user's {@code url} (null: the default).
     * As in sqlite-rembed, {@code url} may be the full endpoint; it may also be the base the
     * provider's path is appended to ({@code .../v1} for OpenAI-style servers, the server
     * root for Ollama, Nomic, Cohere, llamafile and Gemini).
     */
    static String embedding(Provider provider, String url, String model, Function<String, String> environment) {
        return switch (provider) {
            case LOCAL -> {
                if (url != null) {
                    throw new RembedException("the local model takes no url");
                }
                yield null;
            }
            case OLLAMA -> ollama(url, environment);
            case AZURE -> azure(url != null ? url : environment.apply("AZURE_OPENAI_ENDPOINT"), model);
            case GEMINI -> gemini(url, model);
            case OPENAI, JINA, MIXEDBREAD, MISTRAL, VOYAGE -> url == null ? provider.defaultUrl() : openAiStyle(url);
            case NOMIC, COHERE, LLAMAFILE -> url == null ? provider.defaultUrl() : rootOrEndpoint(url, provider.defaultUrl());
        };
    }

    /** Accepts {@code .../v1/embeddings} (sqlite-rembed style) as well as the base {@code .../v1}. */
    private static String openAiStyle(String url) {
        String u = checked(url);
        String path = path(u);
        if (path.endsWith("/embeddings")) {
            return u;
        }
        if (path.endsWith("/chat/completions")) {
            return u.substring(0, u.length() - "/chat/completions".length()) + "/embeddings";
        }
        return u + "/embeddings";
    }

    /** The base URL of an OpenAI-style server, for the chat models of multimodal clients. */
    static String openAiBase(String url) {
        String u = checked(url);
        for (String suffix : new String[] {"/embeddings", "/chat/completions"}) {
            if (u.endsWith(suffix)) {
                return u.substring(0, u.length() - suffix.length());
            }
        }
        return u;
    }

    private static String ollama(String url, Function<String, String> environment) {
        if (url == null) {
            return ollamaHost(environment.apply("OLLAMA_HOST")) + "/api/embed";
        }
        String u = checked(url);
        if (u.endsWith("/api/embed") || u.endsWith("/api/embeddings")) {
            return u;
        }
        return ollamaBase(u) + "/api/embed";
    }

    /** A bare server root gets the provider's own path; anything with a path is the endpoint itself. */
    private static String rootOrEndpoint(String url, String defaultUrl) {
        String u = checked(url);
        return path(u).isEmpty() ? u + path(defaultUrl) : u;
    }

    private static String gemini(String url, String model) {
        String m = model.startsWith("models/") ? model.substring("models/".length()) : model;
        if (url == null) {
            return Provider.GEMINI.defaultUrl().replace("{model}", m);
        }
        String u = checked(url);
        if (u.contains(":batchEmbedContents")) {
            return u.replace("{model}", m);
        }
        String base = path(u).isEmpty() ? u + "/v1beta" : u;
        return base + "/models/" + m + ":batchEmbedContents";
    }

    private static String azure(String url, String model) {
        if (url == null || url.isBlank()) {
            throw new RembedException("azure needs 'url', the resource endpoint (https://NAME.openai.azure.com),"
                    + " or AZURE_OPENAI_ENDPOINT");
        }
        String u = checked(url);
        URI parsed = URI.create(u);
        String endpoint = parsed.getRawPath() != null && parsed.getRawPath().contains("/openai/deployments/") ? u
                : u.replace("?" + parsed.getRawQuery(), "") + "/openai/deployments/" + model + "/embeddings";
        return endpoint.contains("api-version=") ? endpoint
                : endpoint + (endpoint.contains("?") ? "&" : "?") + "api-version=" + AZURE_API_VERSION;
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
            return "http://localhost:11434";
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
            throw new RembedException("OLLAMA_HOST '" + display(env) + "' is not a valid Ollama address (expected host,"
                    + " host:port or http://host:port)");
        }
        String host = u.getHost().equals("0.0.0.0") ? "localhost" : u.getHost();
        int port = u.getPort() < 0 ? 11434 : u.getPort();
        return scheme + "://" + host + ":" + port;
    }

    /**
     * True when {@code url} is on the same origin as {@code reference}: same scheme, host and
     * port (a missing port is the scheme's default). A key from the environment is sent only
     * to its provider's own origin, so {@code http://api.openai.com:8080} never gets it.
     */
    static boolean sameOrigin(String url, String reference) {
        URI a = URI.create(url);
        URI b = URI.create(reference);
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** The path of {@code url} without a trailing slash; "" for a bare server root. */
    static String path(String url) {
        String p = URI.create(url).getRawPath();
        if (p == null) {
            return "";
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /**
     * The URLs of a {@code url} option that lists several endpoints, comma-separated (one URL
     * is a list of one), trimmed.
     */
    static List<String> list(String url) {
        List<String> out = new ArrayList<>();
        for (String part : url.split(",", -1)) {
            if (part.isBlank()) {
                throw new RembedException(url.isBlank() ? "url must not be empty"
                        : "url lists an empty endpoint; separate the URLs with single commas");
            }
            out.add(part.trim());
        }
        return out;
    }

    /** For messages: the URL without its query string, which may hold credentials, and without a password. */
    static String display(String url) {
        int q = url.indexOf('?');
        return Redactor.url(q < 0 ? url : url.substring(0, q));
    }

    /** A user's URL, checked: http(s) with a host and a port if it has a colon, no credentials, no trailing slash. */
    static String checked(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        URI parsed;
        try {
            parsed = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new RembedException("url '" + display(u) + "' is not a valid URL");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || parsed.getHost() == null) {
            throw new RembedException("url '" + display(u) + "' must be an http:// or https:// URL with a host");
        }
        if (parsed.getUserInfo() != null) {
            throw new RembedException("url must not carry credentials; pass them as 'key'");
        }
        if (parsed.getRawAuthority().endsWith(":")) {
            throw new RembedException("url '" + display(u) + "' has an empty port (write host:PORT or leave the colon out)");
        }
        return u;
    }
}
