package io.github.rembed.client;

import io.github.rembed.RembedException;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The clients of one kind that one connection knows by name. */
public final class NamedClients<T> {
    private final Map<String, T> byName = new ConcurrentHashMap<>();
    private final String kind;
    private final String table;

    /**
     * @param kind  what the clients are called in messages, e.g. "multimodal client"
     * @param table the table users insert them into
     */
    NamedClients(String kind, String table) {
        this.kind = kind;
        this.table = table;
    }

    public void put(String name, T spec) {
        byName.put(name, spec);
    }

    public void remove(String name) {
        byName.remove(name);
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The client called {@code name}, or an error that lists the ones that do exist. */
    public T get(String name) {
        T spec = byName.get(name);
        if (spec == null) {
            throw new RembedException(kind + " '" + name + "' was not registered; registered " + kind + "s: "
                    + String.join(", ", new TreeSet<>(byName.keySet()))
                    + " (add one with INSERT INTO " + table + "(name, options))");
        }
        return spec;
    }
}
