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
    /** What NULL prints as ({@code .nullvalue}). */
    String nullValue = "";
    /** Column widths of the columnar modes ({@code .width}); 0 is automatic, negative right-aligns. */
    int[] widths = new int[0];
    /** Print the changes count after each statement ({@code .changes on}). */
    boolean changes;

    void mode(OutputMode mode) {
        this.mode = mode;
        this.columnSeparator = mode.columnSeparator;
        this.rowSeparator = mode.rowSeparator;
    }
}
