package io.github.rembed.sql;

import io.github.rembed.RembedException;

/**
 * The functions the client-table triggers call to keep the connection's client maps in step
 * with the tables. An invalid row fails its INSERT with the parse error.
 */
final class ClientRowFunctions {
    private ClientRowFunctions() {
    }

    private static ClientRows rows(ConnectionState state, String table) {
        ClientRows rows = state.tables.get(table);
        if (rows == null) {
            throw new RembedException("no client table " + table);
        }
        return rows;
    }

    static final class Register extends SqlFunction {
        private final ConnectionState state;

        Register(ConnectionState state) {
            super("rembed");
            this.state = state;
        }

        @Override
        void call() throws Exception {
            requireArgs(3, "internal");
            String table = scalarText(0);
            String name = isNull(1) ? null : scalarText(1);
            String options = isNull(2) ? null : scalarText(2);
            try {
                rows(state, table).put(name, options);
            } catch (RembedException e) {
                throw new RembedException("temp." + table + ": " + e.getMessage());
            }
            result(1);
        }
    }

    static final class Unregister extends SqlFunction {
        private final ConnectionState state;

        Unregister(ConnectionState state) {
            super("rembed");
            this.state = state;
        }

        @Override
        void call() throws Exception {
            requireArgs(2, "internal");
            if (!isNull(1)) {
                rows(state, scalarText(0)).remove(scalarText(1));
            }
            result(1);
        }
    }
}
