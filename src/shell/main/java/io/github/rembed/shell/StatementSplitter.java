package io.github.rembed.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements the way the sqlite3 shell does: a {@code ;} ends a statement
 * unless it is inside a string, a quoted identifier, a comment or the body of a
 * {@code CREATE TRIGGER ... BEGIN ... END}. This is the state machine of SQLite's own
 * {@code sqlite3_complete()}, extended to report where each statement ends.
 */
final class StatementSplitter {
    // Token kinds, in the column order of TRANSITIONS.
    private static final int SEMI = 0;
    private static final int WS = 1;
    private static final int OTHER = 2;
    private static final int EXPLAIN = 3;
    private static final int CREATE = 4;
    private static final int TEMP = 5;
    private static final int TRIGGER = 6;
    private static final int END = 7;

    // States: 0 invalid, 1 start (between statements), 2 normal, 3 explain, 4 create,
    // 5 inside a trigger, 6 trigger body after ';', 7 trigger body after END.
    private static final int START = 1;
    private static final int[][] TRANSITIONS = {
            /* SEMI WS OTHER EXPLAIN CREATE TEMP TRIGGER END */
            {1, 0, 2, 3, 4, 2, 2, 2},
            {1, 1, 2, 3, 4, 2, 2, 2},
            {1, 2, 2, 2, 2, 2, 2, 2},
            {1, 3, 3, 2, 4, 2, 2, 2},
            {1, 4, 2, 2, 2, 4, 5, 2},
            {6, 5, 5, 5, 5, 5, 5, 5},
            {6, 6, 5, 5, 5, 5, 5, 7},
            {1, 7, 5, 5, 5, 5, 5, 5},
    };

    /** The statements of {@code sql} and what is left after the last complete one. */
    record Split(List<String> statements, String rest) {
    }

    private StatementSplitter() {
    }

    /** True when {@code sql} ends with a complete statement (sqlite3_complete semantics). */
    static boolean isComplete(String sql) {
        return scan(sql) == START;
    }

    /**
     * Complete statements (each with its {@code ;}) and the incomplete tail. Statements
     * holding only blanks and comments are dropped.
     */
    static Split split(String sql) {
        List<String> out = new ArrayList<>();
        int tailStart = scanInto(sql, out);
        return new Split(out, sql.substring(tailStart));
    }

    /** True when the text holds something besides blanks, comments and semicolons. */
    static boolean hasContent(String sql) {
        int[] kinds = new int[1];
        int i = 0;
        while (i < sql.length()) {
            int next = token(sql, i, kinds);
            if (next < 0) {
                return true; // an unterminated string or comment still is content
            }
            if (kinds[0] != WS && kinds[0] != SEMI) {
                return true;
            }
            i = next;
        }
        return false;
    }

    private static int scan(String sql) {
        int state = 0;
        int[] kind = new int[1];
        int i = 0;
        while (i < sql.length()) {
            int next = token(sql, i, kind);
            if (next < 0) {
                return 0;
            }
            state = TRANSITIONS[state][kind[0]];
            i = next;
        }
        return state;
    }

    private static int scanInto(String sql, List<String> out) {
        int state = 0;
        int start = 0;
        int[] kind = new int[1];
        int i = 0;
        while (i < sql.length()) {
            int next = token(sql, i, kind);
            if (next < 0) {
                break;
            }
            state = TRANSITIONS[state][kind[0]];
            i = next;
            if (kind[0] == SEMI && state == START) {
                String statement = sql.substring(start, i);
                if (hasContent(statement)) {
                    out.add(statement.strip());
                }
                start = i;
            }
        }
        return start;
    }

    /** Reads one token at {@code i}; stores its kind; returns the index after it, or -1 if unterminated. */
    private static int token(String s, int i, int[] kind) {
        char c = s.charAt(i);
        int n = s.length();
        switch (c) {
            case ';' -> {
                kind[0] = SEMI;
                return i + 1;
            }
            case ' ', '\t', '\n', '\r', '\f' -> {
                kind[0] = WS;
                return i + 1;
            }
            case '/' -> {
                if (i + 1 < n && s.charAt(i + 1) == '*') {
                    int end = s.indexOf("*/", i + 2);
                    kind[0] = WS;
                    return end < 0 ? -1 : end + 2;
                }
                kind[0] = OTHER;
                return i + 1;
            }
            case '-' -> {
                if (i + 1 < n && s.charAt(i + 1) == '-') {
                    int end = s.indexOf('\n', i + 2);
                    kind[0] = WS;
                    return end < 0 ? n : end + 1;
                }
                kind[0] = OTHER;
                return i + 1;
            }
            case '[' -> {
                int end = s.indexOf(']', i + 1);
                kind[0] = OTHER;
                return end < 0 ? -1 : end + 1;
            }
            case '\'', '"', '`' -> {
                // A doubled quote ('it''s') reads as two adjacent strings: same outcome.
                int end = s.indexOf(c, i + 1);
                kind[0] = OTHER;
                return end < 0 ? -1 : end + 1;
            }
            default -> {
                if (!isIdChar(c)) {
                    kind[0] = OTHER;
                    return i + 1;
                }
                int end = i + 1;
                while (end < n && isIdChar(s.charAt(end))) {
                    end++;
                }
                kind[0] = keyword(s.substring(i, end));
                return end;
            }
        }
    }

    private static boolean isIdChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }

    private static int keyword(String word) {
        return switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "create" -> CREATE;
            case "trigger" -> TRIGGER;
            case "temp", "temporary" -> TEMP;
            case "end" -> END;
            case "explain" -> EXPLAIN;
            default -> OTHER;
        };
    }
}
