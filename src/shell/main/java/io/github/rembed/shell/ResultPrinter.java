package io.github.rembed.shell;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Prints a result set in the current {@code .mode}, byte for byte as the sqlite3 shell would. */
final class ResultPrinter {
    private final Output out;
    private final Settings settings;

    ResultPrinter(Output out, Settings settings) {
        this.out = out;
        this.settings = settings;
    }

    void print(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add(meta.getColumnLabel(i));
        }
        if (settings.mode.tabular()) {
            List<Cell[]> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row(rs, n));
            }
            new ColumnarPrinter(out, settings).print(names, rows);
            return;
        }
        int row = 0;
        while (rs.next()) {
            printRow(names, row(rs, n), row++);
            out.flush();
        }
        if (settings.mode == OutputMode.JSON && row > 0) {
            out.text("]\n");
        }
    }

    /** The current row, a NULL reading as {@code .nullvalue} in every mode that prints text for it. */
    private Cell[] row(ResultSet rs, int n) throws SQLException {
        Cell[] cells = new Cell[n];
        for (int i = 0; i < n; i++) {
            cells[i] = Cell.read(rs, i + 1, settings.nullValue);
        }
        return cells;
    }

    private void printRow(List<String> names, Cell[] cells, int row) {
        switch (settings.mode) {
            case LIST, TABS -> delimited(names, cells, row, false);
            case CSV -> delimited(names, cells, row, true);
            case QUOTE -> quoted(names, cells, row);
            case LINE -> line(names, cells, row);
            case JSON -> json(names, cells, row);
            case COLUMN, TABLE, MARKDOWN, BOX -> throw new IllegalStateException("tabular modes are buffered");
        }
    }

    private void delimited(List<String> names, Cell[] cells, int row, boolean csv) {
        if (row == 0 && settings.headers) {
            for (int i = 0; i < names.size(); i++) {
                out.text((i > 0 ? settings.columnSeparator : "") + (csv ? csvField(names.get(i)) : names.get(i)));
            }
            out.text(settings.rowSeparator);
        }
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.text(settings.columnSeparator);
            }
            Cell c = cells[i];
            if (csv && c.kind() != Cell.Kind.NULL) {
                out.derived(csvField(c.chars()), c);
            } else {
                out.cell(c);
            }
        }
        out.text(settings.rowSeparator);
    }

    /** sqlite3 quotes a CSV field that is empty or holds a blank, a quote, a non-ASCII char or the separator. */
    private String csvField(String s) {
        boolean quote = s.isEmpty() || s.contains(settings.columnSeparator);
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c <= ' ' || c == '"' || c == '\'' || c >= 0x7f;
        }
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private void quoted(List<String> names, Cell[] cells, int row) {
        if (row == 0 && settings.headers) {
            out.text(String.join(settings.columnSeparator, names.stream().map(Cell::text)
                    .map(Cell::sqlLiteral).toList()) + settings.rowSeparator);
        }
        for (int i = 0; i < cells.length; i++) {
            out.text((i > 0 ? settings.columnSeparator : "") + cells[i].sqlLiteral());
        }
        out.text(settings.rowSeparator);
    }

    private void line(List<String> names, Cell[] cells, int row) {
        int width = 5;
        for (String name : names) {
            width = Math.max(width, name.length());
        }
        if (row > 0) {
            out.text(settings.rowSeparator);
        }
        for (int i = 0; i < cells.length; i++) {
            out.text(" ".repeat(width - names.get(i).length()) + names.get(i) + " = ");
            out.cell(cells[i]);
            out.text(settings.rowSeparator);
        }
    }

    private void json(List<String> names, Cell[] cells, int row) {
        out.text(row == 0 ? "[{" : ",\n{");
        for (int i = 0; i < cells.length; i++) {
            Cell c = cells[i];
            out.text((i > 0 ? "," : "") + jsonString(names.get(i)) + ":");
            switch (c.kind()) {
                case NULL -> out.text("null");
                case INTEGER -> out.text(c.text());
                case REAL -> out.text(jsonNumber(c.text()));
                default -> out.derived(jsonString(c.chars()), c);
            }
        }
        out.text("}");
    }

    /** JSON has no infinities: sqlite3 writes them as numbers too large for a double. */
    private static String jsonNumber(String real) {
        return switch (real) {
            case "Inf" -> "1e999";
            case "-Inf" -> "-1e999";
            default -> real;
        };
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
