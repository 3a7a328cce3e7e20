package io.github.rembed.internal.sql;

import io.github.rembed.RembedException;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.embed.TextEmbedder;
import io.github.rembed.internal.embed.TextEmbedders;

/** The embedder of a client for an optional {@code input_type} argument, refused by providers without one. */
final class InputTypes {
    private InputTypes() {
    }

    static TextEmbedder embedder(String client, ClientSpec spec, String inputType) {
        try {
            return TextEmbedders.forSpec(spec, inputType);
        } catch (RembedException e) {
            throw new RembedException("client '" + client + "': " + e.getMessage());
        }
    }
}
