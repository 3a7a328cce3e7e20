package io.github.rembed.shell;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code .tables [PATTERN]} and {@code .schema [PATTERN]}. */
final class SchemaCommands implements DotCommandFamily {
    // The triggers behind temp.rembed_clients are machinery, not the user's schema.
    private static final String NOT_REMBED_TRIGGER = "NOT (type = 'trigger' AND name LIKE 'rembed\\_%' ESCAPE '\\')";

    private static final java.util.regex.Pattern TEMP_NAME = java.util.regex.Pattern.compile(
            "^(?i)(CREATE\\s+(?:TEMP\\s+|TEMPORARY\\s+)?(?:TABLE|VIEW|(?:UNIQUE\\s+)?INDEX|TRIGGER))\\s+");

    @Override
    public void register(DotCommands commands) {
        commands.add("tables", ".tables [PATTERN]", "list tables and views (LIKE PATTERN)",
                (session, args) -> tables(session, args.isEmpty() ? "%" : args.get(0)));
        commands.add("schema", ".schema [PATTERN]", "show the CREATE statements (LIKE PATTERN)",
                (session, args) -> schema(session, args.isEmpty() ? "%" : args.get(0)));
    }

    private static void tables(Session session, String pattern) throws SQLException {
        List<String> names = query(session, "SELECT name FROM main.sqlite_schema WHERE type IN ('table', 'view') "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name LIKE ?1 "
                + "UNION ALL SELECT 'temp.' || name FROM temp.sqlite_schema WHERE type IN ('table', 'view') "
                + "AND name LIKE ?1 ORDER BY 1", pattern);
        if (names.isEmpty()) {
            return;
        }
        // Column-major layout over 80 characters, as sqlite3 prints it.
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

    private static void schema(Session session, String pattern) throws SQLException {
        // sqlite3 names TEMP objects "temp.x"; the stored SQL of the temp schema does not say TEMP.
        List<String> sql = query(session, "SELECT sql FROM main.sqlite_schema WHERE sql IS NOT NULL "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND tbl_name LIKE ?1 "
                + "UNION ALL SELECT 'temp:' || sql FROM temp.sqlite_schema WHERE sql IS NOT NULL AND "
                + NOT_REMBED_TRIGGER + " AND tbl_name LIKE ?1", pattern);
        StringBuilder out = new StringBuilder();
        sql.forEach(s -> out.append(s.startsWith("temp:") ? TEMP_NAME.matcher(s.substring(5)).replaceFirst("$1 temp.") : s)
                .append(";\n"));
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
