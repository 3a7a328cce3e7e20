package io.github.rembed.shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sqlite3 shell's tabular modes, {@code column}, {@code table}, {@code markdown} and
 * {@code box}, byte for byte as sqlite3 3.40 to 3.45 print them: every row is read first
 * (a column is as wide as its widest line), values longer than the wrap width (60 by
 * default) or holding line breaks take several lines, tabs become spaces, headers are
 * centred, values left-aligned. {@code .width} sets a column's least width and wraps it
 * there (a negative width right-aligns it). Widths count characters, as those versions do.
 */
final class ColumnarPrinter {
    // sqlite3's box-drawing characters, named by the sides they join (1 up, 2 right, 3 down, 4 left).
    private static final String BOX_24 = "\u2500";
    private static final String BOX_13 = "\u2502";
    private static final String BOX_23 = "\u250c";
    private static final String BOX_34 = "\u2510";
    private static final String BOX_12 = "\u2514";
    private static final String BOX_14 = "\u2518";
    private static final String BOX_123 = "\u251c";
    private static final String BOX_134 = "\u2524";
    private static final String BOX_234 = "\u252c";
    private static final String BOX_124 = "\u2534";
    private static final String BOX_1234 = "\u253c";

    private final Output out;
    private final Settings settings;

    ColumnarPrinter(Output out, Settings settings) {
        this.out = out;
        this.settings = settings;
    }

    /** One line of a value and what is left for the next line, or null. */
    record Line(String text, String tail) {
    }

    /** Prints the header and rows; nothing at all when there are no rows, as sqlite3 does. */
    void print(List<String> names, List<Cell[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int n = names.size();
        if (settings.widths.length < n) {
            // sqlite3 keeps a width (0) for every column shown, and .show then lists them
            settings.widths = Arrays.copyOf(settings.widths, n);
        }
        int[] set = settings.widths;
        int[] wrap = new int[n];
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            int w = i < set.length ? set[i] : 0;
            wrap[i] = w == 0 ? settings.wrap : Math.abs(w);
            widths[i] = Math.abs(w);
        }
        boolean wordWrap = settings.wordWrap;
        List<String> data = new ArrayList<>((rows.size() + 1) * n);
        for (int i = 0; i < n; i++) {
            data.add(translate(names.get(i), wrap[i], wordWrap).text());
        }
        List<Boolean> rowDivider = new ArrayList<>();
        boolean multiLine = false;
        for (Cell[] row : rows) {
            String[] pending = new String[n];
            for (int i = 0; i < n; i++) {
                pending[i] = value(row[i]);
            }
            boolean more = true;
            boolean first = true;
            while (more) {
                more = false;
                for (int i = 0; i < n; i++) {
                    String source = first ? pending[i] : (pending[i] == null ? "" : pending[i]);
                    Line line = translate(source, wrap[i], wordWrap);
                    data.add(line.text());
                    pending[i] = line.tail();
                    more |= line.tail() != null;
                }
                rowDivider.add(!more);
                multiLine |= more;
                first = false;
            }
        }
        for (int i = 0; i < data.size(); i++) {
            widths[i % n] = Math.max(widths[i % n], length(data.get(i)));
        }
        OutputMode mode = settings.mode;
        String colSep = switch (mode) {
            case COLUMN -> "  ";
            case BOX -> " " + BOX_13 + " ";
            default -> " | ";
        };
        String rowSep = switch (mode) {
            case COLUMN -> "\n";
            case BOX -> " " + BOX_13 + "\n";
            default -> " |\n";
        };
        header(mode, names.size(), data, widths);
        int lines = data.size() / n - 1;
        for (int r = 0; r < lines; r++) {
            if (mode != OutputMode.COLUMN) {
                out.text(mode == OutputMode.BOX ? BOX_13 + " " : "| ");
            }
            for (int j = 0; j < n; j++) {
                out.text(pad(data.get((r + 1) * n + j), widths[j], rightAligned(j)));
                out.text(j == n - 1 ? rowSep : colSep);
            }
            if (multiLine && rowDivider.get(r) && r + 1 < lines) {
                switch (mode) {
                    case TABLE -> separator("+", widths);
                    case BOX -> boxSeparator(BOX_123, BOX_1234, BOX_134, widths);
                    case COLUMN -> out.text("\n");
                    default -> {
                    }
                }
            }
        }
        if (mode == OutputMode.TABLE) {
            separator("+", widths);
        } else if (mode == OutputMode.BOX) {
            boxSeparator(BOX_12, BOX_124, BOX_14, widths);
        }
    }

    private void header(OutputMode mode, int n, List<String> data, int[] widths) {
        switch (mode) {
            case COLUMN -> {
                if (settings.headers) {
                    for (int i = 0; i < n; i++) {
                        out.text(pad(data.get(i), widths[i], rightAligned(i)) + (i == n - 1 ? "\n" : "  "));
                    }
                    for (int i = 0; i < n; i++) {
                        out.text("-".repeat(widths[i]) + (i == n - 1 ? "\n" : "  "));
                    }
                }
            }
            case TABLE, MARKDOWN -> {
                if (mode == OutputMode.TABLE) {
                    separator("+", widths);
                }
                out.text("| ");
                for (int i = 0; i < n; i++) {
                    out.text(centre(data.get(i), widths[i]) + (i == n - 1 ? " |\n" : " | "));
                }
                separator(mode == OutputMode.TABLE ? "+" : "|", widths);
            }
            case BOX -> {
                boxSeparator(BOX_23, BOX_234, BOX_34, widths);
                out.text(BOX_13 + " ");
                for (int i = 0; i < n; i++) {
                    out.text(centre(data.get(i), widths[i]) + (i == n - 1 ? " " + BOX_13 + "\n" : " " + BOX_13 + " "));
                }
                boxSeparator(BOX_123, BOX_1234, BOX_134, widths);
            }
            default -> throw new IllegalStateException(mode + " is not a tabular mode");
        }
    }

    /** The text sqlite3 shows for a value: its text (a NULL's is the null value, a BLOB's bytes read as UTF-8), or quoted. */
    private String value(Cell c) {
        if (settings.quote) {
            return c.sqlLiteral();
        }
        return switch (c.kind()) {
            case BLOB -> {
                byte[] b = c.blob();
                int end = 0;
                while (end < b.length && b[end] != 0) {
                    end++; // sqlite3 reads a BLOB's text as a C string
                }
                yield new String(Arrays.copyOf(b, end), StandardCharsets.UTF_8);
            }
            default -> c.text();
        };
    }

    /**
     * sqlite3's {@code translateForDisplayAndDup}: the first line of {@code z} that fits in
     * {@code width} characters (0: no limit), breaking at a line break or control character,
     * tabs expanded to the next multiple of 8; with word wrap, a long line breaks at a blank
     * or a word boundary in its second half.
     */
    static Line translate(String z, int width, boolean wordWrap) {
        int[] cp = z.codePoints().toArray();
        int max = width == 0 ? 1_000_000 : Math.abs(width);
        int i = 0;
        int n = 0;
        while (n < max) {
            int c = at(cp, i);
            if (c >= ' ') {
                n++;
                i++;
                continue;
            }
            if (c == '\t') {
                do {
                    n++;
                } while ((n & 7) != 0 && n < max);
                i++;
                continue;
            }
            break;
        }
        int k;
        if (n >= max && wordWrap) {
            for (k = i; k > i / 2; k--) {
                if (Character.isWhitespace(at(cp, k - 1))) {
                    break;
                }
            }
            if (k <= i / 2) {
                for (k = i; k > i / 2; k--) {
                    if (alnum(at(cp, k - 1)) != alnum(at(cp, k))) {
                        break;
                    }
                }
            }
            if (k <= i / 2) {
                k = i;
            } else {
                i = k;
                while (at(cp, i) == ' ') {
                    i++;
                }
            }
        } else {
            k = i;
        }
        String tail;
        if (n >= max && at(cp, i) >= ' ') {
            tail = slice(cp, i);
        } else if (at(cp, i) == '\r' && at(cp, i + 1) == '\n') {
            tail = at(cp, i + 2) != 0 ? slice(cp, i + 2) : null;
        } else if (at(cp, i) == 0 || at(cp, i + 1) == 0) {
            tail = null;
        } else {
            tail = slice(cp, i + 1);
        }
        StringBuilder line = new StringBuilder();
        int col = 0;
        for (int j = 0; j < k; j++) {
            int c = cp[j];
            if (c >= ' ') {
                col++;
                line.appendCodePoint(c);
            } else if (c == '\t') {
                do {
                    col++;
                    line.append(' ');
                } while ((col & 7) != 0 && col < max);
            } else {
                break;
            }
        }
        return new Line(line.toString(), tail);
    }

    private static int at(int[] cp, int i) {
        return i < cp.length ? cp[i] : 0;
    }

    private static String slice(int[] cp, int from) {
        return new String(cp, from, cp.length - from);
    }

    private static boolean alnum(int c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** A negative {@code .width} right-aligns its column's values (and its header in column mode). */
    private boolean rightAligned(int column) {
        return column < settings.widths.length && settings.widths[column] < 0;
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - length(s)));
        return right ? fill + s : s + fill;
    }

    private static String centre(String s, int width) {
        int space = width - length(s);
        return " ".repeat(space / 2) + s + " ".repeat((space + 1) / 2);
    }

    private void separator(String joint, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int w : widths) {
            b.append(joint).append("-".repeat(w + 2));
        }
        out.text(b.append(joint).append('\n').toString());
    }

    private void boxSeparator(String left, String middle, String right, int[] widths) {
        StringBuilder b = new StringBuilder(left);
        for (int i = 0; i < widths.length; i++) {
            b.append(i == 0 ? "" : middle).append(BOX_24.repeat(widths[i] + 2));
        }
        out.text(b.append(right).append('\n').toString());
    }
}
