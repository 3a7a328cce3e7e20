package io.github.rembed.sql;

import io.github.rembed.client.ClientSpec;
import io.github.rembed.embed.TextEmbedders;
import io.github.rembed.embed.Vectors;
import io.github.rembed.engine.CallStats;
import java.util.List;

/** {@code rembed(client, text)}: one text to one float32 BLOB. */
final class RembedFunction extends SqlFunction {
    private final ConnectionState state;

    RembedFunction(ConnectionState state) {
        super("rembed");
        this.state = state;
    }

    @Override
    void call() throws Exception {
        requireArgs(2, "rembed(client, text)");
        String client = text(0, "client name");
        ClientSpec spec = state.clients.text.get(client);
        if (isNull(1)) {
            result();
            return;
        }
        String input = text(1, "text");
        TextInputs.checkSize(input, state.config().maxTextBytes(), "text");
        float[] vector = TextEmbedders.forSpec(spec).embed(List.of(input), new CallStats()).get(0);
        result(Vectors.toBlob(vector));
    }
}
