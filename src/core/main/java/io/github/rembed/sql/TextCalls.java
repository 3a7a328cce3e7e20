package io.github.rembed.sql;

import io.github.rembed.RembedException;
import io.github.rembed.embed.TextEmbedder;
import io.github.rembed.engine.CallStats;
import io.github.rembed.pipeline.CancellableCall;
import java.util.List;
import org.sqlite.SQLiteConnection;

/**
 * A text embedding made by a SQL function: it runs on a worker while the function watches
 * its statement, so {@code Statement.cancel()}, a query timeout or closing the connection
 * stop it at once, as they stop the image functions.
 */
final class TextCalls {
    private TextCalls() {
    }

    static List<float[]> embed(SQLiteConnection conn, ConnectionState state, String client, TextEmbedder embedder,
                               List<String> texts) {
        try (StatementCancellation cancel = StatementCancellation.start(conn, state)) {
            try {
                return CancellableCall.call(() -> embedder.embed(texts, new CallStats()), cancel);
            } catch (RembedException e) {
                if (cancel.reason() != null) {
                    throw new RembedException("client '" + client + "': " + cancel.reason());
                }
                throw e;
            }
        }
    }
}
