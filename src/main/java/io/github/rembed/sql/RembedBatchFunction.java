package io.github.rembed.sql;

import io.github.rembed.client.ClientSpec;
import io.github.rembed.embed.Vectors;
import java.util.List;
import org.sqlite.SQLiteConnection;

/**
 * {@code rembed_batch(client, json_array)}: a JSON array of base64 embeddings in input order,
 * one request per {@code batch_size} texts. With a multimodal client the items are base64
 * images, embedded one at a time (see {@link SequentialImages}).
 */
final class RembedBatchFunction extends SqlFunction {
    private final ConnectionState state;
    private final SQLiteConnection conn;

    RembedBatchFunction(ConnectionState state, SQLiteConnection conn) {
        super("rembed_batch");
        this.state = state;
        this.conn = conn;
    }

    @Override
    void call() throws Exception {
        requireArgs(2, "rembed_batch(client, json_array)");
        String client = text(0, "client name");
        boolean images = !ClientLookup.has(conn, ClientTable.TEXT, client)
                && ClientLookup.has(conn, ClientTable.MULTIMODAL, client);
        if (images) {
            if (isNull(1)) {
                result();
            } else {
                result(SequentialImages.embed(state, conn, client, text(1, "json_array")));
            }
            return;
        }
        ClientSpec spec = ClientLookup.get(conn, state, ClientTable.TEXT, client);
        if (isNull(1)) {
            result();
            return;
        }
        List<String> texts = JsonArrays.strings(text(1, "json_array"), state.config().maxBatchItems());
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) != null) {
                TextInputs.checkSize(texts.get(i), state.config().maxTextBytes(), "item " + i);
            }
        }
        List<String> encoded = TextInputs.mapNonNull(texts,
                present -> TextCalls.embed(conn, state, client, spec, present).stream().map(Vectors::toBase64).toList());
        result(JsonArrays.write(encoded));
    }
}
