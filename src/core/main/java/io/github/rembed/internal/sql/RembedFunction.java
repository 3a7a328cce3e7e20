package io.github.rembed.internal.sql;

import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.embed.Vectors;
import java.util.List;
import org.sqlite.SQLiteConnection;

/**
 * {@code rembed(client, text [, input_type])}: one text to one float32 BLOB. The input type
 * ({@code search_query}, ...) goes to providers that take one: nomic, cohere, gemini, voyage.
 */
final class RembedFunction extends SqlFunction {
    private final ConnectionState state;
    private final SQLiteConnection conn;

    RembedFunction(ConnectionState state, SQLiteConnection conn) {
        super("rembed");
        this.state = state;
        this.conn = conn;
    }

    @Override
    void call() throws Exception {
        requireArgs(2, 3, "rembed(client, text [, input_type])");
        String client = text(0, "client name");
        ClientSpec spec = ClientLookup.get(conn, state, ClientTable.TEXT, client);
        var embedder = InputTypes.embedder(state, client, spec, optionalText(2, "input_type"));
        if (isNull(1)) {
            result();
            return;
        }
        String input = text(1, "text");
        TextInputs.checkSize(input, state.config().maxTextBytes(), "text");
        float[] vector = TextCalls.embed(conn, state, client, embedder, List.of(input)).get(0);
        result(Vectors.toBlob(vector));
    }
}
