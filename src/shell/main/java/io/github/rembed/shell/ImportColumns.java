package io.github.rembed.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns {@code .import} creates from a header row, named as sqlite3 3.40 names them: an
 * empty name becomes {@code ?}; names that repeat (ignoring case) get their position as a
 * suffix ({@code a_1}, {@code a_4}), zero-padded further if that still collides; every column
 * is TEXT.
 */
final class ImportColumns {
    private final List<String> names;
    private final List<String> renames = new ArrayList<>();

    ImportColumns(List<String> header) {
        List<String> raw = header.stream().map(n -> n.isEmpty() ? "?" : n).toList();
        Map<String, Integer> counts = new HashMap<>();
        raw.forEach(n -> counts.merge(key(n), 1, Integer::sum));
        List<String> result = new ArrayList<>(raw);
        for (int zeros = 0; ; zeros++) {
            for (int i = 0; i < raw.size(); i++) {
                String n = raw.get(i);
                result.set(i, counts.get(key(n)) > 1 ? n + "_" + "0".repeat(zeros) + (i + 1) : n);
            }
            Set<String> seen = new HashSet<>();
            if (result.stream().allMatch(n -> seen.add(key(n)))) {
                break;
            }
        }
        for (int i = 0; i < raw.size(); i++) {
            if (!raw.get(i).equals(result.get(i))) {
                renames.add("\"" + raw.get(i) + "\" to \"" + result.get(i) + "\"");
            }
        }
        this.names = result;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    List<String> names() {
        return names;
    }

    /** sqlite3's note on renamed columns, or null when none was renamed. */
    String renameNote(String file) {
        return renames.isEmpty() ? null
                : "Columns renamed during .import " + file + " due to duplicates:\n" + String.join(",\n", renames);
    }

    /** {@code CREATE TABLE ["schema".]"table"(\n"a" TEXT, ...)}, four columns to a line, as sqlite3 writes it. */
    String createSql(String schema, String table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ")
                .append(schema == null ? "" : SchemaCommands.identifier(schema) + ".")
                .append(SchemaCommands.identifier(table)).append("(\n");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sql.append(i % 4 == 0 ? ",\n " : ", ");
            }
            sql.append(SchemaCommands.identifier(names.get(i))).append(" TEXT");
        }
        return sql.append(")").toString();
    }
}
