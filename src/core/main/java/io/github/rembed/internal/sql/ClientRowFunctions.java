package io.github.rembed.internal.sql;

import io.github.rembed.RembedException;

/**
 * The functions behind the client tables. The table triggers call {@link Check} so that an
 * invalid row fails its INSERT or UPDATE with the parse error; it registers nothing (the rows
 * are the registry, see {@link ClientLookup}), so calling it by hand creates no client.
 * The names of older versions' internal functions answer with what to do instead.
 */
final class ClientRowFunctions {
    static final String CHECK = "rembed__client_check";
    static final String[] RETIRED = {"rembed__client_register", "rembed__client_unregister"};

    private ClientRowFunctions() {
    }

    static final class Check extends SqlFunction {
        private final ConnectionState state;

        Check(ConnectionState state) {
            super("rembed"); // the name its errors carry, as for every function of the extension
            this.state = state;
        }

        @Override
        void call() throws Exception {
            requireArgs(3, "internal");
            ClientTable<?> table = ClientTable.named(scalarText(0));
            String name = isNull(1) ? null : scalarText(1);
            String options = isNull(2) ? null : scalarText(2);
            if (!table.isBuiltin(name, options)) {
                try {
                    ClientLookup.check(state, table, name, options);
                } catch (RembedException e) {
                    throw new RembedException("temp." + table.name + ": " + e.getMessage());
                }
            }
            result(1);
        }
    }

    /** An internal name users might call: it only says how clients are really added. */
    static final class Internal extends SqlFunction {
        Internal(String name) {
            super(name);
        }

        @Override
        void call() {
            throw new RembedException("internal to rembed; add clients with INSERT INTO temp.rembed_clients(name,"
                    + " options) or temp.rembed_multimodal_clients(name, options)");
        }
    }
}
