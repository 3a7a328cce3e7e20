package io.github.rembed.internal.sql;

import io.github.rembed.RembedException;
import io.github.rembed.internal.embed.TextChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Sends only the non-null texts to a model and puts the results back at their indexes. */
final class TextInputs {
    private TextInputs() {
    }

    static void checkSize(String text, int maxBytes, String what) {
        String problem = TextChecks.oversize(text, maxBytes);
        if (problem != null) {
            throw new RembedException(what + " " + problem);
        }
    }

    static <R> List<R> mapNonNull(List<String> items, Function<List<String>, List<R>> embed) {
        List<String> present = new ArrayList<>(items.size());
        for (String s : items) {
            if (s != null) {
                present.add(s);
            }
        }
        List<R> done = present.isEmpty() ? List.of() : embed.apply(present);
        List<R> out = new ArrayList<>(items.size());
        int next = 0;
        for (String s : items) {
            out.add(s == null ? null : done.get(next++));
        }
        return out;
    }
}
