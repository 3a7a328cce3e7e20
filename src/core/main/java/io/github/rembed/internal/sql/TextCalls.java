package io.github.rembed.internal.sql;

import io.github.rembed.RembedException;
import io.github.rembed.internal.embed.TextEmbedder;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.pipeline.CancellableCall;
import java.util.List;
import java.util.function.Supplier;
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
        return embed(conn, state, client, embedder, texts, new CallStats());
    }

    /** As {@link #embed(SQLiteConnection, ConnectionState, String, TextEmbedder, List)}, counting into {@code stats}. */
    static List<float[]> embed(SQLiteConnection conn, ConnectionState state, String client, TextEmbedder embedder,
                               List<String> texts, CallStats stats) {
        return run(conn, state, client, () -> embedder.embed(texts, stats));
    }

    /** Any text work of a SQL function (a per-item batch too), stopped with its statement. */
    static <T> T run(SQLiteConnection conn, ConnectionState state, String client, Supplier<T> work) {
        try (StatementCancellation cancel = StatementCancellation.start(conn, state)) {
            try {
                return CancellableCall.call(work, cancel);
            } catch (RembedException e) {
                if (cancel.reason() != null) {
                    throw new RembedException("client '" + client + "': " + cancel.reason());
                }
                throw e;
            }
        }
    }
}
