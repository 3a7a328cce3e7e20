package io.github.rembed.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;

/**
 * Reads the fields of a delimited file one at a time, exactly as sqlite3's {@code .import}
 * does: in CSV mode a field may be double-quoted (a doubled quote stands for one, and the
 * separators inside are data), a CR before the row separator is dropped and a UTF-8 BOM at the
 * start is skipped; in ASCII mode nothing is quoted. After each field, {@link #terminator()}
 * tells whether it ended the row.
 */
final class DelimitedReader {
    static final int EOF = -1;

    private final Reader in;
    private final String fileName;
    private final PrintStream warnings;
    private final boolean csv;
    private final int columnSeparator;
    private final int rowSeparator;
    private int terminator;
    private int line = 1;
    private boolean started;

    DelimitedReader(Reader in, String fileName, PrintStream warnings, boolean csv, char columnSeparator,
                    char rowSeparator) {
        this.in = in;
        this.fileName = fileName;
        this.warnings = warnings;
        this.csv = csv;
        this.columnSeparator = columnSeparator;
        this.rowSeparator = rowSeparator;
    }

    /** The next field, or null at the end of the input (or once the thread is interrupted). */
    String next() throws IOException {
        int c = read();
        if (c == EOF || Thread.currentThread().isInterrupted()) {
            terminator = EOF;
            return null;
        }
        StringBuilder field = new StringBuilder();
        if (csv && c == '"') {
            quoted(field);
        } else {
            if (csv && c == '\uFEFF' && !started) {
                started = true;
                return next(); // the BOM (read as one char) is not part of the first field
            }
            while (c != EOF && c != columnSeparator && c != rowSeparator) {
                field.append((char) c);
                c = read();
            }
            if (c == rowSeparator) {
                line++;
                if (csv && !field.isEmpty() && field.charAt(field.length() - 1) == '\r') {
                    field.setLength(field.length() - 1);
                }
            }
            terminator = c;
        }
        started = true;
        return field.toString();
    }

    /** A field that opened with a quote: ends at a quote followed by a separator or the end. */
    private void quoted(StringBuilder field) throws IOException {
        int startLine = line;
        int pc = 0;
        int ppc = 0;
        while (true) {
            int c = read();
            if (c == rowSeparator) {
                line++;
            }
            if (c == '"' && pc == '"') {
                pc = 0; // "" inside quotes: one quote, already kept
                continue;
            }
            if ((c == columnSeparator && pc == '"') || (c == rowSeparator && pc == '"')
                    || (c == rowSeparator && pc == '\r' && ppc == '"') || (c == EOF && pc == '"')) {
                // Drop the closing quote and whatever followed it (a CR).
                field.setLength(field.lastIndexOf("\""));
                terminator = c;
                return;
            }
            if (pc == '"' && c != '\r') {
                warnings.println(fileName + ":" + line + ": unescaped \" character");
            }
            if (c == EOF) {
                warnings.println(fileName + ":" + startLine + ": unterminated \"-quoted field");
                terminator = c;
                return;
            }
            field.append((char) c);
            ppc = pc;
            pc = c;
        }
    }

    private int read() throws IOException {
        return in.read();
    }

    /** How the last field ended: the column separator, the row separator or {@link #EOF}. */
    int terminator() {
        return terminator;
    }

    boolean endedColumn() {
        return terminator == columnSeparator;
    }

    /** The line the reader is on (1-based), as sqlite3 counts them for its messages. */
    int line() {
        return line;
    }
}
