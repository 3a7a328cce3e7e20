package io.github.rembed.shell;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * One value of a result row with its SQLite storage class. {@code text} is SQLite's own
 * rendering (so REALs print as sqlite3 prints them); a BLOB keeps its raw bytes.
 */
record Cell(Kind kind, String text, byte[] blob) {
    enum Kind { NULL, INTEGER, REAL, TEXT, BLOB }

    /** @param nullText what a NULL prints as where a mode prints text for it ({@code .nullvalue}) */
    static Cell read(ResultSet rs, int column, String nullText) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return new Cell(Kind.NULL, nullText, null);
        }
        if (value instanceof byte[] bytes) {
            return new Cell(Kind.BLOB, null, bytes);
        }
        if (value instanceof Double) {
            return new Cell(Kind.REAL, rs.getString(column), null);
        }
        if (value instanceof Number) {
            return new Cell(Kind.INTEGER, rs.getString(column), null);
        }
        return new Cell(Kind.TEXT, value.toString(), null);
    }

    static Cell text(String s) {
        return new Cell(Kind.TEXT, s, null);
    }

    boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.REAL;
    }

    /** The bytes list mode writes: UTF-8 text, or the BLOB itself. */
    byte[] bytes() {
        return kind == Kind.BLOB ? blob : text.getBytes(StandardCharsets.UTF_8);
    }

    /** A string view in which each BLOB byte is one char (ISO-8859-1), for quoting and widths. */
    String chars() {
        return kind == Kind.BLOB ? new String(blob, StandardCharsets.ISO_8859_1) : text;
    }

    /** The SQL literal of this value, as {@code .mode quote} prints it. */
    String sqlLiteral() {
        return switch (kind) {
            case NULL -> "NULL";
            case INTEGER, REAL -> text;
            case TEXT -> "'" + text.replace("'", "''") + "'";
            case BLOB -> "X'" + HexFormat.of().formatHex(blob) + "'";
        };
    }
}
