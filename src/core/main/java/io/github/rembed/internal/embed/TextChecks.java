package io.github.rembed.internal.embed;

import io.github.rembed.RembedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What makes a text unfit to send: nothing to embed, or more bytes than the text limit. Batches
 * are checked whole before any request, so a bad item costs nothing and is named by its index.
 */
public final class TextChecks {
    private TextChecks() {
    }

    /** Why {@code text} cannot be embedded, e.g. {@code "is empty"}, or {@code null} when it can. */
    public static String problem(String text, int maxBytes) {
        if (text.isEmpty()) {
            return "is empty";
        }
        if (text.isBlank()) {
            return "is blank (whitespace only)";
        }
        return oversize(text, maxBytes);
    }

    /** Why {@code text} is over the limit, e.g. {@code "is 2 MiB, over the text limit of 1 MiB"}, or {@code null}. */
    public static String oversize(String text, int maxBytes) {
        // A char is at most 3 UTF-8 bytes, so short texts skip the exact count.
        if ((long) text.length() * 3 <= maxBytes) {
            return null;
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= maxBytes) {
            return null;
        }
        boolean roundedAlike = size(bytes).equals(size(maxBytes));
        return "is " + (roundedAlike ? bytes + " bytes" : size(bytes)) + ", over the text limit of "
                + (roundedAlike ? maxBytes + " bytes" : size(maxBytes));
    }

    /**
     * Throws for the first unfit item, e.g. {@code "item 3 is empty (and 2 more unfit items)"};
     * {@code null} items are left alone (the caller skips them).
     */
    public static void requireAll(List<String> texts, int maxBytes) {
        String first = null;
        int more = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String problem = text == null ? null : problem(text, maxBytes);
            if (problem != null) {
                if (first == null) {
                    first = "item " + i + " " + problem;
                } else {
                    more++;
                }
            }
        }
        if (first != null) {
            throw new RembedException(first + (more == 0 ? "" : " (and " + more + " more unfit item"
                    + (more == 1 ? "" : "s") + ")") + "; nothing was sent");
        }
    }

    /** A size the way people read it: {@code 900 bytes}, {@code 1.5 KiB}, {@code 2 MiB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes / 1024.0;
        String unit = "KiB";
        if (value >= 1024) {
            value /= 1024;
            unit = "MiB";
        }
        String number = value >= 10 ? String.valueOf(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
        return number.replaceAll("\\.0$", "") + " " + unit;
    }
}
