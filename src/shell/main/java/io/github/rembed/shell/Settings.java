package io.github.rembed.shell;

/** The mutable switches of one shell session, changed by dot commands. */
final class Settings {
    static final int DEFAULT_WRAP = 60;

    OutputMode mode = OutputMode.LIST;
    String columnSeparator = OutputMode.LIST.columnSeparator;
    String rowSeparator = OutputMode.LIST.rowSeparator;
    boolean headers;
    /** True once {@code .headers} was given: {@code .mode column} then leaves the headers as they are. */
    boolean headersSet;
    boolean timer;
    boolean bail;
    boolean echo;
    /** What NULL prints as ({@code .nullvalue}), in every mode that prints text for it. */
    String nullValue = "";
    /**
     * Tabular modes: wrap values at this many characters (0: never). {@code .mode} sets 60; a
     * mode chosen by a command-line flag ({@code -box}) keeps 0, as in sqlite3.
     */
    int wrap;
    /** Tabular modes: wrap at word boundaries where one is near. */
    boolean wordWrap;
    /** Tabular modes: show values as SQL literals. */
    boolean quote;
    /**
     * Column widths of the tabular modes ({@code .width}): a column is at least this wide and
     * wraps at it; 0 is automatic (wraps at {@link #wrap}), negative right-aligns.
     */
    int[] widths = new int[0];
    /** Print the changes count after each statement ({@code .changes on}). */
    boolean changes;

    /** The mode's name in sqlite3, where tabs is list mode with a tab separator. */
    String modeName() {
        return mode == OutputMode.TABS ? OutputMode.LIST.label() : mode.label();
    }

    /** The mode as {@code .mode} and {@code .show} print it: a tabular mode with its options. */
    String modeDescription() {
        if (!mode.tabular()) {
            return modeName();
        }
        return modeName() + " --wrap " + wrap + " --wordwrap " + (wordWrap ? "on" : "off")
                + " --" + (quote ? "" : "no") + "quote";
    }

    void mode(OutputMode mode) {
        this.mode = mode;
        if (mode.columnSeparator != null) {
            this.columnSeparator = mode.columnSeparator;
        }
        if (mode.rowSeparator != null) {
            this.rowSeparator = mode.rowSeparator;
        }
    }
}
