package io.github.rembed.sql;

import io.github.rembed.RembedException;
import io.github.rembed.client.MultimodalSpec;
import io.github.rembed.embed.Vectors;
import io.github.rembed.pipeline.ImageInput;
import io.github.rembed.pipeline.ImagePipeline;
import org.sqlite.SQLiteConnection;

/** {@code rembed_image(client, image)}: one image (BLOB, base64 TEXT or data: URL) to an embedding BLOB. */
final class RembedImageFunction extends SqlFunction {
    private final ConnectionState state;
    private final SQLiteConnection conn;

    RembedImageFunction(ConnectionState state, SQLiteConnection conn) {
        super("rembed_image");
        this.state = state;
        this.conn = conn;
    }

    @Override
    void call() throws Exception {
        requireArgs(2, "rembed_image(client, image)");
        String client = text(0, "client name");
        MultimodalSpec spec = ClientLookup.get(conn, state, ClientTable.MULTIMODAL, client);
        byte[] image = switch (type(1)) {
            case NULL -> null;
            case BLOB -> ImageArguments.checked(blob(1), state.config().maxFileBytes());
            case TEXT -> ImageArguments.decode(value_text(1), state.config().maxFileBytes());
            default -> throw new RembedException("image must be a BLOB, base64 TEXT or a data: URL, got "
                    + typeName(type(1)));
        };
        if (image == null) {
            result();
            return;
        }
        try (StatementCancellation cancel = StatementCancellation.start(conn, state)) {
            float[] vector;
            try {
                vector = ImagePipeline.forSpec(spec, state.config().maxTextBytes()).embedOne(ImageInput.of(image), cancel);
            } catch (RembedException e) {
                throw new RembedException("client '" + client + "': "
                        + (cancel.reason() != null ? cancel.reason() : e.getMessage()));
            }
            result(Vectors.toBlob(vector));
        }
    }
}
