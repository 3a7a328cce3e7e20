package io.github.rembed.internal.sql;

import io.github.rembed.BatchResult;
import io.github.rembed.RembedException;
import io.github.rembed.internal.client.MultimodalSpec;
import io.github.rembed.internal.jobs.Job;
import io.github.rembed.internal.pipeline.ImageInput;
import java.util.List;
import org.sqlite.SQLiteConnection;

/**
 * {@code rembed_images_concurrent(client, json_array)}: every image through the concurrent
 * pipeline; the JSON result has one embedding (or null and an error) per input, in order.
 * The call is listed in {@code rembed_jobs()} while it runs.
 */
final class RembedImagesConcurrentFunction extends SqlFunction {
    private final ConnectionState state;
    private final SQLiteConnection conn;

    RembedImagesConcurrentFunction(ConnectionState state, SQLiteConnection conn) {
        super("rembed_images_concurrent");
        this.state = state;
        this.conn = conn;
    }

    @Override
    void call() throws Exception {
        requireArgs(2, "rembed_images_concurrent(client, json_array)");
        String client = text(0, "client name");
        MultimodalSpec spec = ClientLookup.get(conn, state, ClientTable.MULTIMODAL, client);
        if (isNull(1)) {
            result();
            return;
        }
        List<ImageInput> images = ImageArguments.jsonArray(text(1, "json_array"), state.config().maxBatchItems(),
                state.config().maxFileBytes());
        try (StatementCancellation cancel = StatementCancellation.start(conn, state);
             Job job = SqlJobs.start(conn, state, name(), client, images.size())) {
            BatchResult r = state.engine().pipeline(spec, state.config().maxTextBytes())
                    .run(images, cancel, job, job::count);
            if (cancel.reason() != null) {
                // SQLite aborts an interrupted statement anyway; say why instead of returning half a result.
                throw new RembedException("client '" + client + "': " + cancel.reason());
            }
            result(ImagesJson.render(r));
        }
    }
}
