package io.github.rembed.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The widths set by {@code .width} for column mode, applied as sqlite3 applies them: a
 * non-zero width fixes the column (a negative one right-aligns it), a value wider than a fixed
 * column continues on the next lines, a header is cut to it; 0 or no width sizes the column to
 * its content.
 */
final class ColumnWidths {
    private final int[] set;

    ColumnWidths(int[] set) {
        this.set = set;
    }

    private int setting(int column) {
        return column < set.length ? set[column] : 0;
    }

    /** The width of a column whose widest header or value is {@code natural} characters. */
    int width(int column, int natural) {
        int w = setting(column);
        return w == 0 ? natural : Math.abs(w);
    }

    boolean fixed(int column) {
        return setting(column) != 0;
    }

    /** {@code s} padded to {@code width}, on the left for a right-aligned column. */
    String pad(int column, String s, int width) {
        String fill = " ".repeat(Math.max(0, width - length(s)));
        return setting(column) < 0 ? fill + s : s + fill;
    }

    /** A header in its column: cut to a fixed width. */
    String header(int column, String name, int width) {
        return pad(column, fixed(column) ? cut(name, 0, width) : name, width);
    }

    /** The lines a value takes: pieces of {@code width} characters in a fixed column, else the value itself. */
    List<String> lines(int column, String value, int width) {
        if (!fixed(column) || length(value) <= width) {
            return List.of(value);
        }
        List<String> out = new ArrayList<>();
        for (int from = 0; from < length(value); from += width) {
            out.add(cut(value, from, width));
        }
        return out;
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static String cut(String s, int fromCodePoint, int count) {
        int start = s.offsetByCodePoints(0, Math.min(fromCodePoint, length(s)));
        int end = s.offsetByCodePoints(start, Math.min(count, s.codePointCount(start, s.length())));
        return s.substring(start, end);
    }
}
