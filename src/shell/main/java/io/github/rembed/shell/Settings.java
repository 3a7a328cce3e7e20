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
    /** What NULL looks like in the tabular modes. */
    String nullValue = "";
    /** Tabular modes: wrap values at this many characters (0: never). */
    int wrap = DEFAULT_WRAP;
    /** Tabular modes: wrap at word boundaries where one is near. */
    boolean wordWrap;
    /** Tabular modes: show values as SQL literals. */
    boolean quote;

    void mode(OutputMode mode) {
        this.mode = mode;
        this.columnSeparator = mode.columnSeparator;
        this.rowSeparator = mode.rowSeparator;
    }
}
