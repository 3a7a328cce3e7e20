package io.github.rembed.sql;

import io.github.rembed.RembedException;
import io.github.rembed.client.ClientSpec;
import io.github.rembed.embed.TextEmbedders;
import io.github.rembed.embed.Vectors;
import io.github.rembed.engine.CallStats;
import java.util.List;

/**
 * {@code rembed(client, text [, input_type])}: one text to one float32 BLOB. The input type
 * ({@code search_query}, ...) goes to providers that take one: nomic, cohere, gemini, voyage.
 */
final class RembedFunction extends SqlFunction {
    private final ConnectionState state;

    RembedFunction(ConnectionState state) {
        super("rembed");
        this.state = state;
    }

    @Override
    void call() throws Exception {
        requireArgs(2, 3, "rembed(client, text [, input_type])");
        String client = text(0, "client name");
        if (!state.clients.text.has(client) && state.clients.multimodal.has(client)) {
            throw new RembedException("client '" + client + "' is a multimodal client: embed images with "
                    + "rembed_image(client, image), or texts with a text client");
        }
        ClientSpec spec = state.clients.text.get(client);
        String inputType = optionalText(2, "input_type");
        var embedder = InputTypes.embedder(client, spec, inputType);
        if (isNull(1)) {
            result();
            return;
        }
        String input = text(1, "text");
        TextInputs.checkSize(input, state.config().maxTextBytes(), "text");
        float[] vector = embedder.embed(List.of(input), new CallStats()).get(0);
        result(Vectors.toBlob(vector));
    }
}
