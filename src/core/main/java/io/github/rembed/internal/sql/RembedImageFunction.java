package io.github.rembed.internal.sql;

import io.github.rembed.RembedException;
import io.github.rembed.internal.client.MultimodalSpec;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.internal.pipeline.ImageInput;
import org.sqlite.SQLiteConnection;

/**
 * {@code rembed_image(client, image)}: one image (BLOB, base64 TEXT or data: URL) to an
 * embedding BLOB; {@code rembed_image_prompt(client, image, prompt)} describes it with this
 * call's own instruction instead of the client's {@code vision_prompt}.
 */
final class RembedImageFunction extends SqlFunction {
    private final ConnectionState state;
    private final SQLiteConnection conn;
    private final boolean withPrompt;

    private RembedImageFunction(String name, ConnectionState state, SQLiteConnection conn, boolean withPrompt) {
        super(name);
        this.state = state;
        this.conn = conn;
        this.withPrompt = withPrompt;
    }

    static RembedImageFunction plain(ConnectionState state, SQLiteConnection conn) {
        return new RembedImageFunction("rembed_image", state, conn, false);
    }

    static RembedImageFunction withPrompt(ConnectionState state, SQLiteConnection conn) {
        return new RembedImageFunction("rembed_image_prompt", state, conn, true);
    }

    @Override
    void call() throws Exception {
        if (withPrompt) {
            requireArgs(3, "rembed_image_prompt(client, image, prompt)");
        } else {
            requireArgs(2, "rembed_image(client, image)");
        }
        String client = text(0, "client name");
        MultimodalSpec spec = ClientLookup.get(conn, state, ClientTable.MULTIMODAL, client);
        if (withPrompt) {
            String prompt = text(2, "prompt").trim();
            if (prompt.isEmpty()) {
                throw new RembedException("prompt must not be empty");
            }
            spec = spec.withPrompt(prompt);
        }
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
                vector = state.engine().pipeline(spec, state.config().maxTextBytes())
                        .embedOne(ImageInput.of(image), cancel);
            } catch (RembedException e) {
                throw new RembedException("client '" + client + "': "
                        + (cancel.reason() != null ? cancel.reason() : e.getMessage()));
            }
            result(Vectors.toBlob(vector));
        }
    }
}
