package io.github.rembed.shell;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One status line on stderr for long work, redrawn in place, drawn only when stderr is a
 * terminal (so scripts and pipes never see it). Use {@link #counting} when the amount of work
 * is known and {@link #ticking} to show that a single long statement is still running.
 *
 * <pre>{@code
 * try (Progress p = session.progress("embedding images", files.size())) {
 *     for (...) { ...; p.advance(1); }
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
    private final long started = System.nanoTime();
    private long done;
    private long lastDraw;
    private boolean drawn;
    private Thread ticker;

    private Progress(PrintStream err, boolean enabled, String label, long total) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.total = total;
    }

    /** A "label: done/total (p%)" line; {@code total <= 0} shows the count only. */
    static Progress counting(PrintStream err, boolean enabled, String label, long total) {
        return new Progress(err, enabled, label, total);
    }

    /** After a second, a "label... 3.2 s" line that counts up until closed. */
    static Progress ticking(PrintStream err, boolean enabled, String label) {
        Progress p = new Progress(err, enabled, label, -1);
        if (enabled) {
            p.ticker = Thread.ofVirtual().name("rembed-progress").start(p::tick);
        }
        return p;
    }

    synchronized void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (enabled && (now - lastDraw >= REDRAW_NANOS || done == total)) {
            lastDraw = now;
            String count = total > 0
                    ? String.format(Locale.ROOT, "%d/%d (%d%%)", done, total, done * 100 / total)
                    : Long.toString(done);
            draw(label + ": " + count + " " + elapsed());
        }
    }

    private void tick() {
        try {
            Thread.sleep(TICK_DELAY_MILLIS);
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (this) {
                    draw(label + "... " + elapsed());
                }
                Thread.sleep(TICK_MILLIS);
            }
        } catch (InterruptedException e) {
            // closed: the work is done
        }
    }

    private String elapsed() {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
    }

    private void draw(String text) {
        err.print("\r" + text + "\033[K");
        err.flush();
        drawn = true;
    }

    /** Removes the line, leaving the terminal as it was. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join();
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
