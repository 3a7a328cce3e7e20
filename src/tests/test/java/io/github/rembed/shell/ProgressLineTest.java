package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line on a terminal's stderr: count, rate, ETA, failures and retries, skipped
 * items apart; taken off the screen before any output, so a header never lands on it. The
 * terminal tests run the shell in a tmux pseudo-terminal (skipped without tmux).
 */
class ProgressLineTest {
    @TempDir
    Path dir;

    @Test
    void skippedItemsAreReportedApartAndLeftOutOfTheCount() {
        Progress p = Progress.counting(new PrintStream(new ByteArrayOutputStream()), false, "embedding texts", 100,
                "unchanged");
        p.skipped(20);
        p.done(30);
        p.failed(2);
        p.retried(3);
        String line = p.line();
        assertTrue(line.startsWith("embedding texts: 32/80 (40%), "), line);
        assertTrue(Pattern.compile(", [\\d.]+/s, ETA \\d+(s|m\\d\\ds|h\\d\\dm), 2 failed, 3 retries; 20 unchanged$")
                .matcher(line).find(), line);
        assertEquals("45s", Progress.duration(Duration.ofSeconds(45)));
        assertEquals("3m07s", Progress.duration(Duration.ofSeconds(187)));
        assertEquals("2h05m", Progress.duration(Duration.ofMinutes(125)));
    }

    private static SimulatedProvider slowProvider() {
        return SimulatedProvider.builder().embeddingDimensions(8)
                .embeddingLatency(Latency.fixed(Duration.ofMillis(150))).start();
    }

    /** The shell at a terminal whose stderr is one too (as the launcher tells it), with client 'sim' registered. */
    private Tmux startShell(SimulatedProvider sim) throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        Path script = ShellProcess.script(dir, dir, List.of("-Drembed.stderrIsTerminal=true"), "app.db");
        Tmux tty = Tmux.start(dir, "unset REMBED_HISTORY; " + ShellProcess.quote(script.toString()) + "; sleep 120");
        tty.awaitText("rembed>");
        tty.type("INSERT INTO temp.rembed_clients(name, options) VALUES ('sim', rembed_client_options('format',"
                + " 'ollama', 'model', 'nomic-embed-text', 'url', '" + sim.baseUrl() + "', 'batch_size', 2));");
        tty.keys("Enter");
        return tty;
    }

    private static List<String> lines(String screen) {
        return screen.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).collect(Collectors.toList());
    }

    @Test
    void aBulkCommandShowsRateEtaFailuresRetriesAndUnchangedRows() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT)");
            s.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 40)"
                    + " INSERT INTO docs SELECT x, 'document ' || x FROM n");
            s.execute("UPDATE docs SET body = '' WHERE id = 11");
            s.execute("UPDATE docs SET body = 'FAULT:FLAKY once' WHERE id = 12");
        }
        try (SimulatedProvider sim = slowProvider(); Tmux tty = startShell(sim)) {
            tty.type(".embed-texts --query \"SELECT id, body FROM docs WHERE id <= 10\" v sim --batch 10");
            tty.keys("Enter");
            tty.awaitText("embedded 10, unchanged 0, failed 0");
            tty.type(".embed-texts docs body v sim --batch 2 --concurrency 1");
            tty.keys("Enter");
            Pattern full = Pattern.compile("embedding texts: \\d+/30 \\(\\d+%\\), [\\d.]+/s, ETA \\d+s, 1 failed,"
                    + " 1 retry; 10 unchanged");
            tty.await("a progress line with every figure", screen -> full.matcher(screen).find());
            String done = tty.awaitText("embedded 29, unchanged 10, failed 1");
            assertFalse(done.contains("embedding texts:"), "the line is taken off the screen when done:\n" + done);
        }
    }

    @Test
    void withHeadersOnTheHeaderIsNotPrintedOntoTheProgressLine() throws Exception {
        try (SimulatedProvider sim = slowProvider(); Tmux tty = startShell(sim)) {
            tty.type(".headers on");
            tty.keys("Enter");
            tty.type("SELECT length(rembed('sim', 'FAULT:SLOW takes ten times as long')) AS n;");
            tty.keys("Enter");
            tty.awaitText("running... ");
            String screen = tty.await("the result", s -> lines(s).contains("32"));
            List<String> lines = lines(screen);
            assertEquals("n", lines.get(lines.indexOf("32") - 1), "the header stands on its own line:\n" + screen);
            assertFalse(screen.contains("running"), "the progress line is gone:\n" + screen);
        }
    }
}
