package io.github.rembed.shell;

import io.github.rembed.Rembed;
import io.github.rembed.TextClient;
import java.util.Set;

/** {@code .embed-texts}: a table's text column (or a query's texts) into a vectors table, resumably. */
final class TextCommands implements DotCommandFamily {
    static final String USAGE = ".embed-texts SOURCE COLUMN|--query SQL TABLE [CLIENT] [--reembed] [--batch N]"
            + " [--concurrency N]";
    private static final String DEFAULT_CLIENT = "local";

    @Override
    public void register(DotCommands commands) {
        commands.add("embed-texts", USAGE, "embed COLUMN of every SOURCE row (or the key and text columns of a"
                + " query) into TABLE(id, sha256, embedding, error, client, model, dimensions, embedded_at) with a"
                + " text client (default " + DEFAULT_CLIENT + "), several batches at once; each batch is committed,"
                + " unchanged texts are skipped and failed ones tried again, so a rerun resumes", (session, args) -> {
                    BulkArgs a = BulkArgs.parse(args, Set.of("--query", "--batch", "--concurrency"), USAGE);
                    String query = a.value("--query");
                    int table = query == null ? 2 : 0;
                    a.expect(table + 1, table + 2);
                    String source = query != null ? query
                            : TextImport.tableSource(a.positional.get(0), a.positional.get(1));
                    String tableName = a.positional.get(table);
                    String clientName = a.positional.size() > table + 1 ? a.positional.get(table + 1) : DEFAULT_CLIENT;
                    TextClient client = Rembed.textClient(session.connection(), clientName);
                    TextImport job = new TextImport(session.connection(), source, new VectorTable(session.connection(),
                            tableName, "id", clientName, client.model(), null), client,
                            a.number("--batch", 64, 10_000), a.number("--concurrency", 4, 64));
                    long total = job.count();
                    BulkSummary s;
                    try (Progress progress = session.progress("embedding texts", total, "unchanged")) {
                        s = job.run(progress, a.reembed);
                    }
                    s.print(session, tableName);
                    if (s.failed() > 0) {
                        // Like a failed statement, as for .embed-images: the exit status and .bail see it.
                        throw new ShellError(s.failed() + " text" + (s.failed() == 1 ? "" : "s") + " failed (see the"
                                + " error column of " + tableName + ")");
                    }
                });
    }
}
