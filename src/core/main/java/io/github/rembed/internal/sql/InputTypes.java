package io.github.rembed.internal.sql;

import io.github.rembed.RembedException;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.embed.TextEmbedder;

/** The embedder of a client for an optional {@code input_type} argument, refused by providers without one. */
final class InputTypes {
    private InputTypes() {
    }

    static TextEmbedder embedder(ConnectionState state, String client, ClientSpec spec, String inputType) {
        try {
            return state.engine().embedder(spec, inputType);
        } catch (RembedException e) {
            throw new RembedException("client '" + client + "': " + e.getMessage());
        }
    }
}
