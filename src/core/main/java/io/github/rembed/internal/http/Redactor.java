package io.github.rembed.internal.http;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of every message the library produces. Keys handed to a client are
 * remembered here, and anything that looks like a bearer token, an OpenAI-style key, a
 * password in a URL or a key in a URL's query string is masked too, so a server that echoes
 * a key back cannot leak it through an error.
 *
 * <p>Every key in use is remembered, however many there are: a key stays here as long as a
 * client holds it (the registry holds keys weakly and hands every client the one instance it
 * keeps), so the registry is bounded by the clients alive, not by a count.
 */
public final class Redactor {
    private static final String MASK = "***";
    private static final Map<String, WeakReference<String>> SECRETS = new WeakHashMap<>();
    private static final Pattern TOKEN_LIKE = Pattern.compile(
            "(?i)(bearer\\s+)[^\\s\"',;]+|\\b(sk|pk|rk)-[A-Za-z0-9_\\-]{6,}");
    /** The password of {@code scheme://user:password@host}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.\\-]*://[^/\\s:@'\"]*:)[^@/\\s'\"]*@");
    /** The value of a query parameter that names a credential, e.g. {@code ?api-key=...}. */
    private static final Pattern URL_SECRET_PARAM = Pattern.compile(
            "(?i)([?&](?:api[-_]?key|key|token|access[-_]?token|secret|password|pwd|sig|signature|code)=)[^&#\\s'\"]+");

    private Redactor() {
    }

    /**
     * Remembers a secret so that it is masked wherever it shows up later, for as long as the
     * returned instance is referenced: callers keep the returned string, not their own.
     */
    public static String remember(String secret) {
        if (secret == null || secret.length() < 4) {
            return secret;
        }
        synchronized (SECRETS) {
            WeakReference<String> kept = SECRETS.get(secret);
            String instance = kept == null ? null : kept.get();
            if (instance == null) {
                SECRETS.put(secret, new WeakReference<>(secret));
                instance = secret;
            }
            return instance;
        }
    }

    public static String scrub(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : secrets()) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        out = TOKEN_LIKE.matcher(out).replaceAll(m -> m.group(1) != null ? m.group(1) + MASK : MASK);
        return url(out);
    }

    /** {@code url} (or any text holding URLs) with passwords and credential parameters masked. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String out = URL_PASSWORD.matcher(url).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        return URL_SECRET_PARAM.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    private static List<String> secrets() {
        synchronized (SECRETS) {
            return new ArrayList<>(SECRETS.keySet());
        }
    }

    /** A one-line, secret-free description of a failure, its causes included where they add something. */
    public static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        Throwable t = error;
        for (int depth = 0; t != null && depth < 6; depth++, t = t.getCause()) {
            String message = t.getMessage();
            String part = message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
            if (out.indexOf(part) < 0) {
                if (!out.isEmpty()) {
                    out.append(": ");
                }
                out.append(part);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return scrub(out.toString());
    }
}
