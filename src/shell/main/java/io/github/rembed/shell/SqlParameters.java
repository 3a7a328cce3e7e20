package io.github.rembed.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sqlite3 shell's bind parameters: {@code temp.sqlite_parameters(key, value)} holds them
 * ({@code .parameter set}), and every statement's {@code :NAME}, {@code @NAME}, {@code $NAME}
 * and {@code ?NNN} parameters are bound from it by their exact name; an unset one is NULL.
 * JDBC does not tell a parameter's name, so names are read from the SQL text the way SQLite's
 * tokenizer numbers them.
 */
final class SqlParameters {
    static final String TABLE = "temp.sqlite_parameters";

    private SqlParameters() {
    }

    /** Creates the table if absent; its name is reserved, so the schema is writable for that moment. */
    static void createTable(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("PRAGMA writable_schema = ON");
            try {
                s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + "(key TEXT PRIMARY KEY, value) WITHOUT ROWID");
            } finally {
                s.execute("PRAGMA writable_schema = OFF");
            }
        }
    }

    static boolean tableExists(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_temp_master WHERE type = 'table' "
                     + "AND name = 'sqlite_parameters'")) {
            return rs.next();
        }
    }

    /** Binds every parameter of {@code ps}, prepared from {@code sql}, as sqlite3 would. */
    static void bind(Connection conn, PreparedStatement ps, String sql) throws SQLException {
        int count = ps.getParameterMetaData().getParameterCount();
        if (count == 0) {
            return;
        }
        List<String> names = names(sql, count);
        boolean table = tableExists(conn);
        try (PreparedStatement lookup = table ? conn.prepareStatement("SELECT value FROM " + TABLE + " WHERE key = ?")
                : null) {
            for (int i = 1; i <= count; i++) {
                Object value = null;
                if (lookup != null) {
                    lookup.setString(1, names.get(i - 1));
                    try (ResultSet rs = lookup.executeQuery()) {
                        value = rs.next() ? rs.getObject(1) : null;
                    }
                }
                if (value == null) {
                    ps.setNull(i, Types.NULL);
                } else {
                    ps.setObject(i, value);
                }
            }
        }
    }

    /**
     * The name of each of the {@code count} parameters of {@code sql}, in SQLite's numbering:
     * {@code ?} takes the next number, {@code ?NNN} number NNN, a name its first number. A
     * parameter without a name is called {@code ?N}, as the sqlite3 shell calls it.
     */
    static List<String> names(String sql, int count) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        String[] byNumber = new String[count + 1];
        int next = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == '[') {
                int end = sql.indexOf(']', i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '?') {
                int end = i + 1;
                while (end < n && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                int number = end > i + 1 ? Integer.parseInt(sql.substring(i + 1, end)) : ++next;
                next = Math.max(next, number);
                if (number <= count && end > i + 1) {
                    byNumber[number] = sql.substring(i, end);
                }
                i = end;
            } else if ((c == ':' || c == '@' || c == '$') && i + 1 < n && idChar(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n) {
                    char d = sql.charAt(end);
                    if (idChar(d)) {
                        end++;
                    } else if (d == ':' && end + 1 < n && sql.charAt(end + 1) == ':') {
                        end += 2;
                    } else if (d == '(') {
                        int close = sql.indexOf(')', end);
                        end = close < 0 ? n : close + 1;
                        break;
                    } else {
                        break;
                    }
                }
                String name = sql.substring(i, end);
                Integer number = numbers.get(name);
                if (number == null) {
                    number = ++next;
                    numbers.put(name, number);
                    if (number <= count) {
                        byNumber[number] = name;
                    }
                }
                i = end;
            } else if (idChar(c)) {
                int end = i + 1;
                while (end < n && idChar(sql.charAt(end))) {
                    end++; // a word such as x$y: its $ starts no parameter
                }
                i = end;
            } else {
                i++;
            }
        }
        List<String> out = new ArrayList<>(count);
        for (int k = 1; k <= count; k++) {
            out.add(byNumber[k] != null ? byNumber[k] : "?" + k);
        }
        return out;
    }

    private static boolean idChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }
}
