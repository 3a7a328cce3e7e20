package io.github.rembed.sql;

import io.github.rembed.RembedException;
import io.github.rembed.client.ClientSpec;
import io.github.rembed.embed.TextEmbedder;
import io.github.rembed.pipeline.PipelineRuntime;
import io.github.rembed.pipeline.SequentialImages;
import java.util.List;
import org.sqlite.SQLiteConnection;

/**
 * {@code rembed_batch(client, json_array [, input_type])}: a JSON array of base64 embeddings in
 * input order, one request per {@code batch_size} texts, as many in flight at once as the
 * client's {@code max_concurrent_requests} allows per server. {@code Statement.cancel()} and a
 * query timeout stop it. With a multimodal client the items are base64 images, embedded one at
 * a time (see {@link SequentialImages}).
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
        requireArgs(2, 3, "rembed_batch(client, json_array [, input_type])");
        String client = text(0, "client name");
        if (ClientLookup.isMultimodal(conn, client)) {
            if (optionalText(2, "input_type") != null) {
                throw new RembedException("client '" + client + "' is a multimodal client; it takes no input_type");
            }
            if (isNull(1)) {
                result();
            } else {
                result(embedImages(client, text(1, "json_array")));
            }
            return;
        }
        ClientSpec spec = ClientLookup.get(conn, state, ClientTable.TEXT, client);
        TextEmbedder embedder = InputTypes.embedder(client, spec, optionalText(2, "input_type"));
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
        List<float[]> vectors = TextInputs.mapNonNull(texts, present -> TextCalls.embed(conn, state, client, embedder,
                present));
        result(JsonArrays.writeBase64(vectors));
    }

    /** The multimodal form: the sequential baseline; the first failure fails the call, naming its index. */
    private String embedImages(String client, String json) {
        List<String> items = JsonArrays.strings(json, state.config().maxBatchItems());
        var pipeline = PipelineRuntime.shared().pipeline(ClientLookup.get(conn, state, ClientTable.MULTIMODAL, client),
                state.config().maxTextBytes());
        try (StatementCancellation cancel = StatementCancellation.start(conn, state)) {
            List<float[]> vectors;
            try {
                vectors = SequentialImages.embed(pipeline, items,
                        item -> ImageArguments.decode(item, state.config().maxFileBytes()), cancel);
            } catch (SequentialImages.ItemFailed e) {
                throw new RembedException("client '" + client + "': item " + e.index() + ": "
                        + (cancel.reason() != null ? cancel.reason() : e.getMessage()));
            }
            return JsonArrays.writeBase64(vectors);
        }
    }
}
