package io.github.rembed.internal.sql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Clients parsed from their rows, kept while their options text is unchanged; the least used go first. */
final class ParsedClients {
    private static final int MAX = 256;

    private record Parsed(String options, Object client) {
    }

    private final Map<String, Parsed> byName = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > MAX;
        }
    };

    @SuppressWarnings("unchecked")
    synchronized <T> T get(ClientTable<T> table, String name, String options, Supplier<T> parse) {
        String key = table.name + '\u0000' + name;
        Parsed e = byName.get(key);
        if (e == null || !e.options().equals(options)) {
            e = new Parsed(options, parse.get());
            byName.put(key, e);
        }
        return (T) e.client();
    }

    synchronized void clear() {
        byName.clear();
    }
}
