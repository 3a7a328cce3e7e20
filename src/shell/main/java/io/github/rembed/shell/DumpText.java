package io.github.rembed.shell;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/** How {@code .dump} writes names and values, byte for byte as sqlite3's shell does. */
final class DumpText {
    /** SQLite's keywords: a name equal to one is quoted. */
    private static final Set<String> KEYWORDS = Set.of(("ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC"
            + " ATTACH AUTOINCREMENT BEFORE BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT"
            + " CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE"
            + " DEFERRED DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS"
            + " EXPLAIN FAIL FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE"
            + " IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST LEFT"
            + " LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL NULLS OF OFFSET ON OR ORDER OTHERS"
            + " OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE RECURSIVE REFERENCES REGEXP"
            + " REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWS SAVEPOINT SELECT SET TABLE"
            + " TEMP TEMPORARY THEN TIES TO TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE UPDATE USING VACUUM VALUES VIEW"
            + " VIRTUAL WHEN WHERE WINDOW WITH WITHOUT").split(" "));

    private DumpText() {
    }

    /** A name as is when it is a plain identifier and no keyword, else in double quotes. */
    static String name(String s) {
        boolean plain = !s.isEmpty() && (isAsciiLetter(s.charAt(0)) || s.charAt(0) == '_')
                && s.chars().allMatch(c -> isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_')
                && !KEYWORDS.contains(s.toUpperCase(Locale.ROOT));
        return plain ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * A text literal; line breaks are written as {@code \n} / {@code \r} inside the quotes and
     * restored with {@code replace(..., char(10))}, so each INSERT stays on one line.
     */
    static String text(String s, boolean keepNewlines) {
        boolean nl = !keepNewlines && s.indexOf('\n') >= 0;
        boolean cr = !keepNewlines && s.indexOf('\r') >= 0;
        String nlEscape = nl ? unused(s, "\\n", "\\012") : null;
        String crEscape = cr ? unused(s, "\\r", "\\015") : null;
        StringBuilder b = new StringBuilder();
        b.append(nl ? "replace(" : "").append(cr ? "replace(" : "").append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                b.append("''");
            } else if (c == '\n' && nl) {
                b.append(nlEscape);
            } else if (c == '\r' && cr) {
                b.append(crEscape);
            } else {
                b.append(c);
            }
        }
        b.append('\'');
        if (cr) {
            b.append(",'").append(crEscape).append("',char(13))");
        }
        if (nl) {
            b.append(",'").append(nlEscape).append("',char(10))");
        }
        return b.toString();
    }

    /** The first of a, b, "(a0)", "(a1)", ... that does not occur in s. */
    private static String unused(String s, String a, String b) {
        if (!s.contains(a)) {
            return a;
        }
        if (!s.contains(b)) {
            return b;
        }
        for (int i = 0; ; i++) {
            String candidate = "(" + a + i + ")";
            if (!s.contains(candidate)) {
                return candidate;
            }
        }
    }

    static String blob(byte[] bytes) {
        return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }

    /**
     * SQL that renders a REAL column as sqlite3's dump does: whole numbers as "N.0",
     * infinities as ±1e999, others with SQLite's own {@code %!.20g}.
     */
    static String realSql(String column) {
        return "CASE WHEN " + column + " = 9e999 THEN '1e999' WHEN " + column + " = -9e999 THEN '-1e999'"
                + " WHEN " + column + " >= -9223372036854775808.0 AND " + column + " < 9223372036854775808.0 AND "
                + column + " = CAST(" + column + " AS INTEGER) THEN CAST(" + column + " AS INTEGER) || '.0'"
                + " ELSE printf('%!.20g', " + column + ") END";
    }

    /**
     * A CREATE statement with its terminator: a statement ending in a comment gets the comment
     * closed first, and CREATE TABLE of a quoted name becomes CREATE TABLE IF NOT EXISTS.
     */
    static String schemaLine(String sql) {
        String s = sql;
        if (s.contains("/*") || s.contains("--")) {
            for (String close : new String[] {"", "*/", "\n"}) {
                if (StatementSplitter.isComplete(s + close + ";")) {
                    s = s + close;
                    break;
                }
            }
        }
        if (s.startsWith("CREATE TABLE ") && s.length() > 13 && (s.charAt(13) == '\'' || s.charAt(13) == '"')) {
            s = "CREATE TABLE IF NOT EXISTS " + s.substring(13);
        }
        return s + ";\n";
    }
}
