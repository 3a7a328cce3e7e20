package io.github.rembed.shell;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The result formats of {@code .mode}, named as in the sqlite3 shell. */
enum OutputMode {
    LIST("|", "\n"),
    CSV(",", "\r\n"),
    LINE("|", "\n"),
    COLUMN("  ", "\n"),
    JSON("|", "\n"),
    TABS("\t", "\n"),
    QUOTE(",", "\n");

    /** Separators {@code .mode} installs, as sqlite3 does. */
    final String columnSeparator;
    final String rowSeparator;

    OutputMode(String columnSeparator, String rowSeparator) {
        this.columnSeparator = columnSeparator;
        this.rowSeparator = rowSeparator;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<OutputMode> named(String name) {
        return Arrays.stream(values()).filter(m -> m.label().equalsIgnoreCase(name)).findFirst();
    }

    static String labels() {
        return String.join("|", Arrays.stream(values()).map(OutputMode::label).toList());
    }
}
