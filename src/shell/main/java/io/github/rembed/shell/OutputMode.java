package io.github.rembed.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The result formats of {@code .mode}, named as in the sqlite3 shell. */
enum OutputMode {
    LIST("|", "\n"),
    CSV(",", "\r\n"),
    LINE(null, "\n"),
    COLUMN(null, "\n"),
    JSON(null, null),
    TABS("\t", null),
    QUOTE(",", "\n"),
    TABLE(null, null),
    MARKDOWN(null, null),
    BOX(null, null);

    /** sqlite3 matches a mode name by prefix, trying the modes in this order ("l" is lines). */
    private static final List<String> PREFIX_ORDER = List.of("lines", "columns", "list", "csv", "tabs", "quote",
            "markdown", "table", "box", "json");

    /** Separators {@code .mode} installs, as sqlite3 does; null leaves the current one (as {@code .show} then tells). */
    final String columnSeparator;
    final String rowSeparator;

    OutputMode(String columnSeparator, String rowSeparator) {
        this.columnSeparator = columnSeparator;
        this.rowSeparator = rowSeparator;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The modes that read every row first and draw columns: column, table, markdown, box. */
    boolean tabular() {
        return this == COLUMN || this == TABLE || this == MARKDOWN || this == BOX;
    }

    /** A mode by name or unambiguous prefix, as sqlite3's {@code .mode} reads it ({@code lines}, {@code columns} included). */
    static Optional<OutputMode> named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        return PREFIX_ORDER.stream().filter(full -> full.startsWith(n)).findFirst()
                .map(full -> full.equals("lines") ? LINE : full.equals("columns") ? COLUMN
                        : OutputMode.valueOf(full.toUpperCase(Locale.ROOT)));
    }

    /** A mode by its exact name, as the command-line flags {@code -box}, {@code -csv}, ... name it. */
    static Optional<OutputMode> exactly(String name) {
        return Arrays.stream(values()).filter(m -> m.label().equals(name)).findFirst();
    }

    static String labels() {
        return String.join("|", Arrays.stream(values()).map(OutputMode::label).toList());
    }
}
