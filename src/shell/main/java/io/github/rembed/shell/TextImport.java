package io.github.rembed.shell;

import io.github.rembed.ItemResult;
import io.github.rembed.TextClient;
import io.github.rembed.internal.embed.Vectors;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Embeds a text column into a vectors table, resumably: the source is read a page at a time,
 * texts go out in batches, several at once, and each finished batch is committed, so a crash
 * loses only the batches in flight. A row whose text is unchanged (same key, same SHA-256)
 * keeps its vector without a request; failed rows keep their error and are tried again on
 * the next run.
 */
final class TextImport {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int PAGE = 1000;

    /** A source row to embed. */
    private record Item(Object key, String text, String sha256) {
    }

    /** A batch and what became of it. */
    private record Batch(List<Item> items, List<ItemResult> results) {
    }

    private final Connection conn;
    private final String source;
    private final VectorTable table;
    private final TextClient client;
    private final int batchSize;
    private final int concurrency;

    /**
     * @param source a query whose first column is each row's unique key and whose second is its text
     */
    TextImport(Connection conn, String source, VectorTable table, TextClient client, int batchSize, int concurrency) {
        this.conn = conn;
        this.source = source;
        this.table = table;
        this.client = client;
        this.batchSize = batchSize;
        this.concurrency = concurrency;
    }

    /** The query reading {@code column} of {@code table}, keyed by rowid. */
    static String tableSource(String table, String column) {
        for (String part : table.split("\\.", 2)) {
            if (!IDENTIFIER.matcher(part).matches()) {
                throw new ShellError("source table must be a plain identifier such as docs or main.docs, got '"
                        + table + "'");
            }
        }
        if (!IDENTIFIER.matcher(column).matches()) {
            throw new ShellError("column must be a plain identifier such as body, got '" + column + "'");
        }
        return "SELECT rowid, \"" + column + "\" FROM " + table;
    }

    long count() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("WITH src(k, t) AS (" + source + ") SELECT count(*) FROM src"
                + " WHERE k IS NOT NULL"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new ShellError("cannot read the texts: " + e.getMessage() + " (the query must return two "
                    + "columns: a unique key, then the text)");
        }
    }

    BulkSummary run(Progress progress, boolean reembed) throws SQLException {
        int removed = table.prepare(".embed-texts", reembed);
        BulkSummary.Counter count = new BulkSummary.Counter(progress);
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        CompletionService<Batch> done = new ExecutorCompletionService<>(workers);
        int inFlight = 0;
        try {
            List<Item> pending = new ArrayList<>(batchSize);
            Object after = null;
            for (List<Object[]> page = page(null); !page.isEmpty(); page = page(after)) {
                for (Object[] row : page) {
                    after = row[0];
                    String text = (String) row[1];
                    String sha = text == null ? null : ImageImport.sha256(text.getBytes(StandardCharsets.UTF_8));
                    if (text == null) {
                        count.noText();
                    } else if (sha.equals(row[2])) {
                        count.unchanged();
                    } else {
                        pending.add(new Item(row[0], text, sha));
                    }
                    if (pending.size() == batchSize) {
                        if (inFlight == concurrency) {
                            write(take(done), count);
                            inFlight--;
                        }
                        submit(done, pending, count);
                        inFlight++;
                        pending = new ArrayList<>(batchSize);
                    }
                }
            }
            if (!pending.isEmpty()) {
                submit(done, pending, count);
                inFlight++;
            }
            for (; inFlight > 0; inFlight--) {
                write(take(done), count);
            }
        } finally {
            workers.shutdownNow(); // after a failure or an interrupt: stop the batches still running
            awaitQuietly(workers);
        }
        return count.summary(removed);
    }

    /** Up to a page of source rows after key {@code after}: key, text, and the SHA-256 of the text embedded last time. */
    private List<Object[]> page(Object after) throws SQLException {
        String sql = "WITH src(k, t) AS (" + source + ") SELECT s.k, s.t, v.sha256 FROM src s LEFT JOIN "
                + table.name() + " v ON v.id = s.k AND v.embedding IS NOT NULL WHERE s.k IS NOT NULL"
                + (after == null ? "" : " AND s.k > ?") + " ORDER BY s.k LIMIT " + PAGE;
        List<Object[]> out = new ArrayList<>(PAGE);
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (after != null) {
                ps.setObject(1, after);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object text = rs.getObject(2);
                    out.add(new Object[] {rs.getObject(1), text == null ? null : rs.getString(2), rs.getString(3)});
                }
            }
        }
        return out;
    }

    private void submit(CompletionService<Batch> done, List<Item> items, BulkSummary.Counter count) {
        TextClient counted = client.withProgress(count.retries());
        done.submit(() -> new Batch(items, counted.embedEach(items.stream().map(Item::text).toList())));
    }

    private static Batch take(CompletionService<Batch> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellError("interrupted; every finished batch is saved: run the command again to go on");
        } catch (ExecutionException e) {
            throw new ShellError("a batch failed: " + e.getCause().getMessage());
        }
    }

    private void write(Batch batch, BulkSummary.Counter count) throws SQLException {
        List<VectorTable.Row> rows = new ArrayList<>(batch.items().size());
        for (int i = 0; i < batch.items().size(); i++) {
            Item item = batch.items().get(i);
            rows.add(switch (batch.results().get(i)) {
                case ItemResult.Embedded e -> new VectorTable.Row(item.key(), item.sha256(), Vectors.toBlob(e.vector()),
                        null, null);
                case ItemResult.Failed f -> new VectorTable.Row(item.key(), item.sha256(), null,
                        f.stage().name().toLowerCase(Locale.ROOT) + ": " + f.error(), null);
            });
        }
        table.write(rows);
        rows.forEach(count::result);
    }

    private static void awaitQuietly(ExecutorService workers) {
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
