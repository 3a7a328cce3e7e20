package io.github.rembed.shell;

import io.github.rembed.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a bulk command ({@code .embed-images}, {@code .embed-texts}) did: rows embedded, left
 * unchanged, failed (the first few errors kept for the report) and without text, and the rows
 * {@code --reembed} removed first.
 */
record BulkSummary(int embedded, int unchanged, int failed, int noText, int removed, List<String> errors) {
    private static final int MAX_ERRORS_SHOWN = 10;

    /** The report: one line of counts on the output, the errors on stderr. */
    void print(Session session, String table) {
        if (removed > 0) {
            session.err().println("--reembed: removed the " + removed + " rows " + table + " held");
        }
        session.out().text("embedded " + embedded + ", unchanged " + unchanged + ", failed " + failed
                + (noText > 0 ? ", without text " + noText : "") + "\n");
        for (String e : errors) {
            session.err().println("  " + e);
        }
        if (failed > errors.size()) {
            session.err().println("  ... and " + (failed - errors.size()) + " more (see the error column)");
        }
    }

    /** Counts rows as they are written, into the summary and the progress line. */
    static final class Counter {
        private final Progress progress;
        private final List<String> errors = new ArrayList<>();
        private int embedded;
        private int unchanged;
        private int failed;
        private int noText;

        Counter(Progress progress) {
            this.progress = progress;
        }

        void unchanged() {
            unchanged++;
            progress.skipped(1);
        }

        void noText() {
            noText++;
            progress.skipped(1);
        }

        void result(VectorTable.Row row) {
            if (row.embedding() != null) {
                embedded++;
                progress.done(1);
            } else {
                failed++;
                progress.failed(1);
                if (errors.size() < MAX_ERRORS_SHOWN) {
                    errors.add(row.key() + ": " + row.error());
                }
            }
        }

        /** A listener for one client call that adds its retries to the progress line; any thread. */
        ProgressListener retries() {
            AtomicLong seen = new AtomicLong();
            return p -> {
                long delta = p.retries() - seen.getAndSet(p.retries());
                if (delta > 0) {
                    progress.retried(delta);
                }
            };
        }

        BulkSummary summary(int removed) {
            return new BulkSummary(embedded, unchanged, failed, noText, removed, List.copyOf(errors));
        }
    }
}
