package io.github.rembed.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of every message the library produces. Keys handed to a client are
 * remembered here, and anything that looks like a bearer token or an OpenAI-style key is
 * masked too, so a server that echoes a key back cannot leak it through an error.
 */
public final class Redactor {
    private static final String MASK = "***";
    private static final int MAX_REMEMBERED = 1024;
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final Pattern TOKEN_LIKE = Pattern.compile(
            "(?i)(bearer\\s+)[^\\s\"',;]+|\\b(sk|pk|rk)-[A-Za-z0-9_\\-]{6,}");

    private Redactor() {
    }

    /** Remembers a secret so that it is masked wherever it shows up later. */
    public static void remember(String secret) {
        if (secret != null && secret.length() >= 4 && SECRETS.size() < MAX_REMEMBERED) {
            SECRETS.add(secret);
        }
    }

    public static String scrub(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : SECRETS) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return TOKEN_LIKE.matcher(out).replaceAll(m -> m.group(1) != null ? m.group(1) + MASK : MASK);
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
