package io.github.rembed.shell;

/** The mutable switches of one shell session, changed by dot commands. */
final class Settings {
    OutputMode mode = OutputMode.LIST;
    String columnSeparator = OutputMode.LIST.columnSeparator;
    String rowSeparator = OutputMode.LIST.rowSeparator;
    boolean headers;
    boolean timer;
    boolean bail;
    boolean echo;

    void mode(OutputMode mode) {
        this.mode = mode;
        this.columnSeparator = mode.columnSeparator;
        this.rowSeparator = mode.rowSeparator;
    }
}
