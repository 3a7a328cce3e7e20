package io.github.rembed.bench;

import java.util.ArrayList;
import java.util.List;

/** A titled table with notes, printed as aligned plain text or as Markdown. */
final class Table {
    final String title;
    final List<String> columns;
    final List<List<String>> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Table(String title, String... columns) {
        this.title = title;
        this.columns = List.of(columns);
    }

    Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(title + ": " + cells.length + " cells for " + columns.size() + " columns");
        }
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    Table note(String text) {
        notes.add(text);
        return this;
    }

    String plain() {
        int[] width = new int[columns.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = columns.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder(title).append('\n');
        line(sb, columns, width);
        int total = 0;
        for (int w : width) {
            total += w + 2;
        }
        sb.append("-".repeat(Math.max(0, total - 2))).append('\n');
        rows.forEach(r -> line(sb, r, width));
        notes.forEach(n -> sb.append("  * ").append(n).append('\n'));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            sb.append(c);
            if (i + 1 < cells.size()) {
                sb.append(" ".repeat(width[i] - c.length() + 2));
            }
        }
        sb.append('\n');
    }

    String markdown() {
        StringBuilder sb = new StringBuilder("### ").append(title).append("\n\n");
        sb.append("| ").append(String.join(" | ", columns)).append(" |\n|");
        columns.forEach(c -> sb.append("---|"));
        sb.append('\n');
        rows.forEach(r -> sb.append("| ").append(String.join(" | ", r).replace("\n", " ")).append(" |\n"));
        if (!notes.isEmpty()) {
            sb.append('\n');
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.append('\n').toString();
    }

    static String seconds(double s) {
        return s >= 10 ? String.format("%.1f s", s) : s >= 1 ? String.format("%.2f s", s)
                : String.format("%.0f ms", s * 1000);
    }

    static String num(double v, int decimals) {
        return String.format("%." + decimals + "f", v);
    }
}
