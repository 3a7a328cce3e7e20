package io.github.rembed.shell;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * One status line on stderr for long work, redrawn in place, drawn only when stderr is a
 * terminal (so scripts and pipes never see it). Use {@link #counting} when the amount of work
 * is known and {@link #ticking} to show that a single long statement is still running.
 *
 * <p>A counting line reads {@code embedding texts: 1200/5000 (24%), 310/s, ETA 12s, 3 failed,
 * 2 retries; 800 unchanged}: skipped items (unchanged ones) are reported apart and left out of
 * the count and the percentage; the rate and ETA are those of the items actually processed.
 *
 * <pre>{@code
 * try (Progress p = session.progress("embedding images", files.size(), "unchanged")) {
 *     for (...) { ...; p.done(1); }
 * }
 * }</pre>
 */
final class Progress implements AutoCloseable {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long TICK_DELAY_MILLIS = 1_000;
    private static final long TICK_MILLIS = 250;

    private final PrintStream err;
    private final boolean enabled;
    private final String label;
    private final long total;
    private final String skippedLabel;
    private final long started = System.nanoTime();
    private long done;
    private long failed;
    private long skipped;
    private long retries;
    private long lastDraw;
    private boolean drawn;
    private boolean closed;
    private Thread ticker;

    private Progress(PrintStream err, boolean enabled, String label, long total, String skippedLabel) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.total = total;
        this.skippedLabel = skippedLabel;
    }

    /** A counting line; {@code total <= 0} shows the counts without a percentage or ETA. */
    static Progress counting(PrintStream err, boolean enabled, String label, long total, String skippedLabel) {
        return new Progress(err, enabled, label, total, skippedLabel);
    }

    /** After a second, a "label... 3.2 s" line that counts up until closed. */
    static Progress ticking(PrintStream err, boolean enabled, String label) {
        Progress p = new Progress(err, enabled, label, -1, null);
        if (enabled) {
            p.ticker = Thread.ofVirtual().name("rembed-progress").start(p::tick);
        }
        return p;
    }

    synchronized void done(long n) {
        done += n;
        redraw();
    }

    synchronized void failed(long n) {
        failed += n;
        redraw();
    }

    /** Items that needed no work: reported apart, not counted in the percentage. */
    synchronized void skipped(long n) {
        skipped += n;
        redraw();
    }

    synchronized void retried(long n) {
        retries += n;
        redraw();
    }

    private void redraw() {
        long now = System.nanoTime();
        boolean finished = total > 0 && done + failed + skipped >= total;
        if (enabled && (now - lastDraw >= REDRAW_NANOS || finished)) {
            lastDraw = now;
            draw(line());
        }
    }

    /** The counting line as it reads now. */
    synchronized String line() {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        io.github.rembed.Progress p = new io.github.rembed.Progress(done, failed, skipped, retries,
                total > 0 ? total : io.github.rembed.Progress.UNKNOWN, elapsed);
        StringBuilder sb = new StringBuilder(label).append(": ").append(p.processed());
        if (total > 0) {
            sb.append('/').append(total - skipped)
                    .append(String.format(Locale.ROOT, " (%d%%)", (long) Math.floor(p.fraction() * 100)));
        }
        double rate = p.rate();
        sb.append(", ").append(rate >= 10 ? String.format(Locale.ROOT, "%.0f/s", rate)
                : String.format(Locale.ROOT, "%.1f/s", rate));
        Duration eta = p.eta();
        sb.append(eta != null && p.processed() > 0 ? ", ETA " + duration(eta) : ", " + duration(elapsed));
        if (failed > 0) {
            sb.append(", ").append(failed).append(" failed");
        }
        if (retries > 0) {
            sb.append(", ").append(retries).append(retries == 1 ? " retry" : " retries");
        }
        if (skipped > 0) {
            sb.append("; ").append(skipped).append(' ').append(skippedLabel == null ? "skipped" : skippedLabel);
        }
        return sb.toString();
    }

    /** {@code 45s}, {@code 3m07s}, {@code 2h05m}. */
    static String duration(Duration d) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }

    private void tick() {
        try {
            Thread.sleep(TICK_DELAY_MILLIS);
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (this) {
                    draw(label + "... " + String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9));
                }
                Thread.sleep(TICK_MILLIS);
            }
        } catch (InterruptedException e) {
            // closed: the work is done
        }
    }

    private void draw(String text) {
        if (closed) {
            return;
        }
        err.print("\r" + text + "\033[K");
        err.flush();
        drawn = true;
    }

    /** Stops the line and removes it, leaving the terminal as it was. Safe to call twice. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = ticker;
            ticker = null;
            closed = true;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (drawn) {
                err.print("\r\033[K");
                err.flush();
                drawn = false;
            }
        }
    }
}
