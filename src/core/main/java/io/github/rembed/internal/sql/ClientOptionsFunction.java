package io.github.rembed.internal.sql;

import io.github.rembed.internal.client.OptionsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code rembed_client_options(k1, v1, ...)}: options text for a client row, unknown keys refused. */
final class ClientOptionsFunction extends SqlFunction {
    private final Set<String> keys;

    ClientOptionsFunction(String name, Set<String> keys) {
        super(name);
        this.keys = keys;
    }

    @Override
    void call() throws Exception {
        List<Object> pairs = new ArrayList<>(argCount());
        for (int i = 0; i < argCount(); i++) {
            pairs.add(switch (type(i)) {
                case NULL -> null;
                case INTEGER -> value_long(i);
                case FLOAT -> value_double(i);
                default -> value_text(i);
            });
        }
        result(OptionsJson.fromPairs(pairs, keys));
    }
}
