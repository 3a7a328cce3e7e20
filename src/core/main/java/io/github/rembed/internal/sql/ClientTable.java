package io.github.rembed.internal.sql;

import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.client.MultimodalSpec;

/** One client table: what it holds, how its rows are parsed, and the rows always there. */
final class ClientTable<T> {
    interface Parser<T> {
        T parse(ConnectionState state, String name, String options);
    }

    static final ClientTable<ClientSpec> TEXT = new ClientTable<>("rembed_clients", "client",
            (state, name, options) -> state.options().parse(name, options),
            "all-minilm-l6-v2", "local", "local", "local");
    static final ClientTable<MultimodalSpec> MULTIMODAL = new ClientTable<>("rembed_multimodal_clients",
            "multimodal client", (state, name, options) -> state.multimodalOptions().parse(name, options),
            "ollama-multimodal", "ollama");

    /** The table's name in the TEMP schema. */
    final String name;
    /** What its clients are called in messages. */
    final String kind;
    private final Parser<T> parser;
    private final String[] builtins;

    private ClientTable(String name, String kind, Parser<T> parser, String... builtinNamesAndOptions) {
        this.name = name;
        this.kind = kind;
        this.parser = parser;
        this.builtins = builtinNamesAndOptions;
    }

    static ClientTable<?> named(String table) {
        return switch (table) {
            case "rembed_clients" -> TEXT;
            case "rembed_multimodal_clients" -> MULTIMODAL;
            default -> throw new IllegalArgumentException("no client table " + table);
        };
    }

    T parse(ConnectionState state, String clientName, String options) {
        return parser.parse(state, clientName, options);
    }

    /** Names and options of the rows every connection starts with, in pairs. */
    String[] builtins() {
        return builtins.clone();
    }

    /**
     * True for a built-in row exactly as registered. Such a row is checked only when used, so
     * that a bad environment (a malformed {@code OLLAMA_HOST}) fails the clients that need it
     * and never the registration itself.
     */
    boolean isBuiltin(String clientName, String options) {
        for (int i = 0; i + 1 < builtins.length; i += 2) {
            if (builtins[i].equals(clientName) && builtins[i + 1].equals(options)) {
                return true;
            }
        }
        return false;
    }
}
