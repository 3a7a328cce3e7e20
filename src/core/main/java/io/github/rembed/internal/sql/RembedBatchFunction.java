package io.github.rembed.internal.sql;

import io.github.rembed.ItemResult;
import io.github.rembed.RembedException;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.embed.PerItemEmbedding;
import io.github.rembed.internal.embed.TextChecks;
import io.github.rembed.internal.embed.TextEmbedder;
import io.github.rembed.internal.jobs.Job;
import io.github.rembed.internal.pipeline.SequentialImages;
import java.util.List;
import java.util.Objects;
import org.sqlite.SQLiteConnection;

/**
 * {@code rembed_batch(client, json_array [, input_type | options])}: a JSON array of base64
 * embeddings in input order, one request per {@code batch_size} texts, as many in flight at
 * once as the client's {@code max_concurrent_requests} allows per server; {@code Statement.cancel()}
 * and a query timeout stop it. Every text is checked
 * before any request: an empty, blank or oversized one fails the call, naming its index. With
 * the option {@code per_item_errors} the result is an object holding an embedding or an error
 * per item instead (see {@link TextBatchJson}). With a multimodal client the items are base64
 * images, embedded one at a time (see {@link SequentialImages}). The call is listed in
 * {@code rembed_jobs()} while it runs.
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
        requireArgs(2, 3, "rembed_batch(client, json_array [, input_type | options])");
        String client = text(0, "client name");
        BatchOptions options = BatchOptions.parse(optionalText(2, "input_type"));
        if (ClientLookup.isMultimodal(conn, client)) {
            if (!options.isDefault()) {
                throw new RembedException("client '" + client + "' is a multimodal client; it takes no input_type "
                        + "or options (rembed_images_concurrent gives a result per image)");
            }
            if (isNull(1)) {
                result();
            } else {
                result(embedImages(client, text(1, "json_array")));
            }
            return;
        }
        ClientSpec spec = ClientLookup.get(conn, state, ClientTable.TEXT, client);
        TextEmbedder embedder = InputTypes.embedder(state, client, spec, options.inputType());
        if (isNull(1)) {
            result();
            return;
        }
        List<String> texts = JsonArrays.strings(text(1, "json_array"), state.config().maxBatchItems());
        int maxBytes = state.config().maxTextBytes();
        if (options.perItemErrors()) {
            try (Job job = SqlJobs.start(conn, state, name(), client, texts.size())) {
                List<ItemResult> results = TextCalls.run(conn, state, client,
                        () -> PerItemEmbedding.embed(embedder, texts, maxBytes, null, job));
                result(TextBatchJson.render(results, job.progress()));
            }
            return;
        }
        TextChecks.requireAll(texts, maxBytes);
        try (Job job = SqlJobs.start(conn, state, name(), client, texts.size())) {
            job.skipped(texts.stream().filter(Objects::isNull).count());
            List<float[]> vectors = TextInputs.mapNonNull(texts, present -> TextCalls.embed(conn, state, client,
                    embedder, present, job.stats()));
            result(JsonArrays.writeBase64(vectors));
        }
    }

    /** The multimodal form: the sequential baseline; the first failure fails the call, naming its index. */
    private String embedImages(String client, String json) {
        List<String> items = JsonArrays.strings(json, state.config().maxBatchItems());
        var pipeline = state.engine().pipeline(ClientLookup.get(conn, state, ClientTable.MULTIMODAL, client),
                state.config().maxTextBytes());
        try (StatementCancellation cancel = StatementCancellation.start(conn, state);
             Job job = SqlJobs.start(conn, state, name(), client, items.size())) {
            job.skipped(items.stream().filter(Objects::isNull).count());
            int[] started = {0};
            List<float[]> vectors;
            try {
                vectors = SequentialImages.embed(pipeline, items, item -> {
                    if (started[0]++ > 0) {
                        job.done(1); // one at a time: the item before this one has its vector
                    }
                    return ImageArguments.decode(item, state.config().maxFileBytes());
                }, cancel);
                job.done(Math.min(1, started[0]));
            } catch (SequentialImages.ItemFailed e) {
                throw new RembedException("client '" + client + "': item " + e.index() + ": "
                        + (cancel.reason() != null ? cancel.reason() : e.getMessage()));
            }
            return JsonArrays.writeBase64(vectors);
        }
    }
}
