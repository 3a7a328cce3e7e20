package io.github.rembed.sql;

import io.github.rembed.RembedException;
import io.github.rembed.embed.Vectors;
import io.github.rembed.pipeline.ImageInput;
import io.github.rembed.pipeline.ImagePipeline;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConnection;

/**
 * {@code rembed_batch} with a multimodal client: the document's "Sequential" baseline. Each
 * base64 image is captioned and embedded before the next one starts; the first failure fails
 * the call, naming its index.
 */
final class SequentialImages {
    private SequentialImages() {
    }

    static String embed(ConnectionState state, SQLiteConnection conn, String client, String json) {
        List<String> items = JsonArrays.strings(json, state.config().maxBatchItems());
        ImagePipeline pipeline = ImagePipeline.forSpec(ClientLookup.get(conn, state, ClientTable.MULTIMODAL, client),
                state.config().maxTextBytes());
        List<String> out = new ArrayList<>(items.size());
        try (StatementCancellation cancel = StatementCancellation.start(conn, state)) {
            for (int i = 0; i < items.size(); i++) {
                String item = items.get(i);
                if (item == null) {
                    out.add(null);
                    continue;
                }
                try {
                    out.add(Vectors.toBase64(pipeline.embedOne(ImageInput.of(ImageArguments.decode(item, state.config().maxFileBytes())), cancel)));
                } catch (RembedException e) {
                    throw new RembedException("client '" + client + "': item " + i + ": "
                            + (cancel.reason() != null ? cancel.reason() : e.getMessage()));
                }
            }
        }
        return JsonArrays.write(out);
    }
}
