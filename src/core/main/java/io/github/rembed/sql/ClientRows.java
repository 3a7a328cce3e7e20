package io.github.rembed.sql;

import io.github.rembed.client.NamedClients;
import java.util.function.BiFunction;

/** What one client table does when a row is inserted or removed. */
interface ClientRows {
    /** Parses and registers the row, or throws with the reason the INSERT is refused. */
    void put(String name, String options);

    void remove(String name);

    /** Rows parsed by {@code parse} into {@code clients}. */
    static <T> ClientRows of(NamedClients<T> clients, BiFunction<String, String, T> parse) {
        return new ClientRows() {
            @Override
            public void put(String name, String options) {
                clients.put(name, parse.apply(name, options));
            }

            @Override
            public void remove(String name) {
                clients.remove(name);
            }
        };
    }
}
