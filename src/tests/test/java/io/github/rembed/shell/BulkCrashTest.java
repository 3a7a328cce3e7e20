package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.SimServer;
import io.github.rembed.TestImages;
import io.github.rembed.simulator.Latency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both bulk commands killed with SIGKILL in the middle of a run against a slow provider: the
 * rerun keeps every row the first run finished (unchanged, not embedded again), embeds the
 * rest, duplicates nothing, and the database passes {@code PRAGMA integrity_check}.
 */
class BulkCrashTest {
    private static final long DEADLINE_MS = 120_000;
    @RegisterExtension
    final SimServer sim = new SimServer(b -> b.embeddingDimensions(8)
            .embeddingLatency(Latency.fixed(Duration.ofMillis(30)))
            .visionLatency(Latency.fixed(Duration.ofMillis(30))));

    @TempDir
    Path dir;

    private String clients() {
        return "INSERT INTO temp.rembed_clients(name, options) VALUES ('sim', rembed_client_options('format', 'ollama',"
                + " 'model', 'nomic-embed-text', 'url', '" + sim.baseUrl() + "', 'batch_size', 2));\n"
                + "INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('mm',"
                + " rembed_multimodal_client_options('format', 'ollama', 'url', '" + sim.baseUrl() + "',"
                + " 'max_concurrent_requests', 2, 'batch_size', 2));\n";
    }

    private Process shell(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ShellProcess.command(dir, "app.db")).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        try (var stdin = p.getOutputStream()) {
            stdin.write((clients() + command + "\n").getBytes());
        }
        return p;
    }

    private Connection db() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
        }
        return c;
    }

    /** Rows with a vector in {@code table}, 0 while it does not exist yet. */
    private long finished(String table) throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE embedding IS NOT NULL")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return 0;
            }
            throw e;
        }
    }

    /** Starts {@code command}, kills the process with SIGKILL once {@code atLeast} rows are done. */
    private void killMidRun(String command, String table, long atLeast) throws Exception {
        Process p = shell(command);
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (finished(table) < atLeast) {
            assertTrue(p.isAlive(), "the shell ended before it was killed: " + Files.readString(dir.resolve("err.txt")));
            assertTrue(System.currentTimeMillis() < end, "no progress before the deadline");
            Thread.sleep(10);
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }

    /** Key to "sha256|hex(embedding)|embedded_at" of every finished row. */
    private Map<String, String> rows(String table, String key) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + key
                + ", sha256 || '|' || hex(embedding) || '|' || embedded_at FROM " + table + " WHERE embedding IS NOT NULL")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private String integrity() throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String rerun(String command) throws Exception {
        Process p = shell(command);
        assertTrue(p.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS), "the rerun did not finish");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        return Files.readString(dir.resolve("out.txt"));
    }

    /**
     * Kills {@code command} once {@code killAt} rows are done, then reruns it to the end: every
     * row finished before the kill is kept as it was (reported unchanged, not embedded again),
     * the others are added, none twice, and the database is intact.
     */
    private void crashAndResume(String command, String table, String key, int total, int killAt) throws Exception {
        killMidRun(command, table, killAt);
        assertEquals("ok", integrity());
        Map<String, String> before = rows(table, key);
        assertTrue(before.size() >= killAt && before.size() < total, "killed mid-run: " + before.size());

        assertEquals("embedded " + (total - before.size()) + ", unchanged " + before.size() + ", failed 0\n",
                rerun(command));
        Map<String, String> after = rows(table, key);
        assertEquals(total, after.size());
        before.forEach((k, row) -> assertEquals(row, after.get(k), "row " + k + " was finished before the kill"));
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT " + key + ") FROM " + table)) {
            rs.next();
            assertEquals(total, rs.getInt(1), "no duplicates, no failed rows");
            assertEquals(total, rs.getInt(2));
        }
        assertEquals("ok", integrity());
    }

    @Test
    void embedTextsKilledMidRunResumesWithoutLossOrDuplicates() throws Exception {
        int total = 400;
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT)");
            s.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT " + total + ")"
                    + " INSERT INTO docs SELECT x, 'document ' || x FROM n");
        }
        crashAndResume(".embed-texts docs body v sim --batch 2 --concurrency 2", "v", "id", total, 20);
    }

    @Test
    void embedImagesKilledMidRunResumesWithoutLossOrDuplicates() throws Exception {
        int total = 80;
        Files.createDirectories(dir.resolve("imgs"));
        for (int i = 0; i < total; i++) {
            Files.write(dir.resolve(String.format("imgs/%03d.png", i)), TestImages.unique());
        }
        crashAndResume(".embed-images imgs photos mm", "photos", "path", total, 10);
    }
}
