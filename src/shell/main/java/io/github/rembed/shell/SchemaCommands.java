package io.github.rembed.shell;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code .tables [PATTERN]}, {@code .indexes [TABLE]} and {@code .schema [PATTERN]}. */
final class SchemaCommands implements DotCommandFamily {
    // The triggers behind temp.rembed_clients are machinery, not the user's schema.
    private static final String NOT_REMBED_TRIGGER = "NOT (type = 'trigger' AND name LIKE 'rembed\\_%' ESCAPE '\\')";

    private static final java.util.regex.Pattern TEMP_NAME = java.util.regex.Pattern.compile(
            "^(?i)(CREATE\\s+(?:TEMP\\s+|TEMPORARY\\s+)?(?:TABLE|VIEW|(?:UNIQUE\\s+)?INDEX|TRIGGER))\\s+");

    @Override
    public void register(DotCommands commands) {
        commands.add("tables", ".tables [PATTERN]", "list tables and views (LIKE PATTERN)",
                (session, args) -> tables(session, args.isEmpty() ? "%" : args.get(0)));
        commands.add("indexes", ".indexes [TABLE]", "list the indexes (of tables LIKE TABLE)",
                (session, args) -> indexes(session, args.isEmpty() ? "%" : args.get(0)));
        commands.add("schema", ".schema [PATTERN]", "show the CREATE statements (LIKE PATTERN)",
                (session, args) -> schema(session, args.isEmpty() ? "%" : args.get(0)));
    }

    private static void tables(Session session, String pattern) throws SQLException {
        printNames(session, names(session, "type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                + " AND name LIKE ?1", pattern));
    }

    private static void indexes(Session session, String table) throws SQLException {
        printNames(session, names(session, "type = 'index' AND tbl_name LIKE ?1", table));
    }

    /** Names from every attached database, those outside main prefixed "schema.", sorted, as sqlite3 lists them. */
    private static List<String> names(Session session, String where, String pattern) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement ps = session.connection().prepareStatement("SELECT name FROM pragma_database_list");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        StringBuilder sql = new StringBuilder();
        for (String schema : schemas) {
            sql.append(sql.isEmpty() ? "" : " UNION ALL ")
                    .append(schema.equals("main") ? "SELECT name" : "SELECT " + literal(schema) + " || '.' || name")
                    .append(" FROM ").append(identifier(schema)).append(".sqlite_schema WHERE ").append(where);
        }
        return query(session, sql.append(" ORDER BY 1").toString(), pattern);
    }

    /** Column-major layout over 80 characters, as sqlite3 prints .tables and .indexes. */
    private static void printNames(Session session, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        int width = names.stream().mapToInt(String::length).max().orElse(0);
        int columns = Math.max(1, 80 / (width + 2));
        int rows = (names.size() + columns - 1) / columns;
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int i = r, c = 0; i < names.size(); i += rows, c++) {
                String name = names.get(i);
                out.append(c > 0 ? "  " : "").append(name).append(" ".repeat(width - name.length()));
            }
            out.append('\n');
        }
        session.out().text(out.toString());
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String identifier(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static void schema(Session session, String pattern) throws SQLException {
        // sqlite3 names TEMP objects "temp.x"; the stored SQL of the temp schema does not say TEMP.
        List<String> sql = query(session, "SELECT sql FROM main.sqlite_schema WHERE sql IS NOT NULL "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND tbl_name LIKE ?1 "
                + "UNION ALL SELECT 'temp:' || sql FROM temp.sqlite_schema WHERE sql IS NOT NULL AND "
                + NOT_REMBED_TRIGGER + " AND tbl_name LIKE ?1", pattern);
        StringBuilder out = new StringBuilder();
        sql.forEach(s -> out.append(DumpText.schemaLine(s.startsWith("temp:")
                ? TEMP_NAME.matcher(s.substring(5)).replaceFirst("$1 temp.") : s)));
        session.out().text(out.toString());
    }

    private static List<String> query(Session session, String sql, String pattern) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = session.connection().prepareStatement(sql)) {
            ps.setString(1, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
