package io.github.rembed.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of a bulk command: positional arguments, {@code --reembed}, and options with a
 * value ({@code --query SQL}, {@code --batch N}), in any order.
 */
final class BulkArgs {
    final List<String> positional = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();
    boolean reembed;
    private final String usage;

    private BulkArgs(String usage) {
        this.usage = usage;
    }

    /** @param valued the options that take a value, such as {@code --query} */
    static BulkArgs parse(List<String> words, Set<String> valued, String usage) {
        BulkArgs a = new BulkArgs(usage);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--reembed")) {
                a.reembed = true;
            } else if (valued.contains(w)) {
                if (++i >= words.size()) {
                    throw new ShellError(w + " needs a value; usage: " + usage);
                }
                a.values.put(w, words.get(i));
            } else if (w.startsWith("--")) {
                throw new ShellError("unknown option " + w + "; usage: " + usage);
            } else {
                a.positional.add(w);
            }
        }
        return a;
    }

    String value(String option) {
        return values.get(option);
    }

    /** Requires {@code min} to {@code max} positional arguments. */
    void expect(int min, int max) {
        if (positional.size() < min || positional.size() > max) {
            throw new ShellError("Usage: " + usage);
        }
    }

    int number(String option, int fallback, int max) {
        String text = values.get(option);
        if (text == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ShellError(option + " must be a whole number from 1 to " + max + ", got '" + text + "'");
    }
}
