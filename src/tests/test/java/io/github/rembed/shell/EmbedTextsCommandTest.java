package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.SimServer;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .embed-texts}: a text column into a vectors table in concurrent batches, skipping
 * unchanged texts, keeping per-row errors and trying them again, refusing another model.
 */
class EmbedTextsCommandTest {
    static final int DIMS = 8;
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(DIMS)
            .embeddingLatency(Latency.fixed(Duration.ofMillis(40))));

    @TempDir
    Path dir;

    private ShellRunner.Result shell(String commands) {
        String script = "INSERT INTO temp.rembed_clients(name, options) VALUES"
                + " ('sim', rembed_client_options('format', 'ollama', 'model', 'nomic-embed-text', 'url', '"
                + sim.baseUrl() + "', 'batch_size', 2)),"
                + " ('other', rembed_client_options('format', 'ollama', 'model', 'other-model', 'url', '"
                + sim.baseUrl() + "'));\n" + commands + "\n";
        return ShellRunner.run(dir, script, "docs.db");
    }

    private void docs(int n) throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT)");
            s.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT " + n + ")"
                    + " INSERT INTO docs SELECT x, 'document number ' || x FROM n");
        }
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("docs.db"));
    }

    private static long requests() {
        return sim.metrics().requests(Endpoint.OLLAMA_EMBED);
    }

    @Test
    void embedsAColumnInConcurrentBatchesAndRecordsWhatMadeEachVector() throws Exception {
        docs(24);
        ShellRunner.Result r = shell("INSERT INTO docs VALUES (100, NULL);\n"
                + ".embed-texts docs body doc_vectors sim --batch 4 --concurrency 3");
        assertEquals("embedded 24, unchanged 0, failed 0, without text 1\n", r.out(), r.err());
        assertEquals(12, requests(), "24 texts, two per request (the client's batch size)");
        assertTrue(sim.metrics().maxConcurrentEmbedding() >= 2, "batches overlap: "
                + sim.metrics().maxConcurrentEmbedding());
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT embedding, sha256, error, client, model, dimensions, embedded_at"
                     + " FROM doc_vectors WHERE id = 7")) {
            assertTrue(rs.next());
            assertArrayEquals(Vectors.toBlob(SimulatedProvider.vectorFor("nomic-embed-text", "document number 7",
                    DIMS)), rs.getBytes(1));
            assertEquals(ImageImport.sha256("document number 7".getBytes()), rs.getString(2));
            assertNull(rs.getString(3));
            assertEquals("sim", rs.getString(4));
            assertEquals("ollama::nomic-embed-text", rs.getString(5));
            assertEquals(DIMS, rs.getInt(6));
            assertTrue(rs.getString(7).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), rs.getString(7));
        }
    }

    @Test
    void aRerunSkipsUnchangedTextsAndEmbedsChangedOnes() throws Exception {
        docs(10);
        assertEquals("embedded 10, unchanged 0, failed 0\n", shell(".embed-texts docs body v sim").out());
        long before = requests();
        assertEquals("embedded 0, unchanged 10, failed 0\n", shell(".embed-texts docs body v sim").out());
        assertEquals(before, requests(), "unchanged texts cost no request");
        ShellRunner.Result changed = shell("UPDATE docs SET body = 'rewritten' WHERE id IN (3, 9);\n"
                + "INSERT INTO docs VALUES (11, 'new');\n.embed-texts docs body v sim");
        assertEquals("embedded 3, unchanged 8, failed 0\n", changed.out(), changed.err());
    }

    @Test
    void failedRowsKeepTheirErrorAndAreTriedAgain() throws Exception {
        docs(4);
        ShellRunner.Result r = shell("UPDATE docs SET body = '' WHERE id = 2;\n"
                + "UPDATE docs SET body = 'FAULT:500 always' WHERE id = 4;\n.embed-texts docs body v sim --batch 1");
        assertEquals("embedded 2, unchanged 0, failed 2\n", r.out(), r.err());
        assertTrue(r.err().contains("2: input: text is empty"), r.err());
        assertTrue(r.err().contains("4: embedding: ") && r.err().contains("HTTP 500"), r.err());
        assertTrue(r.err().contains("2 texts failed (see the error column of v)"), r.err());
        assertEquals(1, r.code(), "failed rows make the exit status 1, as failed images do");
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT error FROM v WHERE id = 4 AND embedding IS NULL")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).contains("HTTP 500"), rs.getString(1));
        }
        ShellRunner.Result again = shell("UPDATE docs SET body = 'fixed' WHERE id IN (2, 4);\n"
                + ".embed-texts docs body v sim");
        assertEquals("embedded 2, unchanged 2, failed 0\n", again.out(), again.err());
        assertEquals(0, again.code());
    }

    @Test
    void aQueryMayGiveTheKeysAndTheTexts() throws Exception {
        docs(3);
        ShellRunner.Result r = shell(".embed-texts --query \"SELECT 'doc-' || id, body || ' FAULT:FLAKY' FROM docs\""
                + " keyed sim");
        assertEquals("embedded 3, unchanged 0, failed 0\n", r.out(), r.err());
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT group_concat(id, ',') FROM (SELECT id FROM keyed ORDER BY id)")) {
            rs.next();
            assertEquals("doc-1,doc-2,doc-3", rs.getString(1));
        }
    }

    @Test
    void vectorsOfAnotherModelAreRefusedUntilReembed() throws Exception {
        docs(3);
        shell(".embed-texts docs body v sim");
        ShellRunner.Result refused = shell(".embed-texts docs body v other");
        assertEquals("", refused.out());
        assertTrue(refused.err().contains("table v holds 3 vectors of model ollama::nomic-embed-text (8 dimensions),"
                + " but client 'other' embeds with ollama::other-model"), refused.err());
        assertTrue(refused.err().contains("again with --reembed"), refused.err());

        ShellRunner.Result replaced = shell(".embed-texts docs body v other --reembed");
        assertEquals("embedded 3, unchanged 0, failed 0\n", replaced.out(), replaced.err());
        assertTrue(replaced.err().contains("--reembed: removed the 3 rows v held"), replaced.err());
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), min(model), max(model) FROM v")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
            assertEquals("ollama::other-model", rs.getString(2));
            assertEquals("ollama::other-model", rs.getString(3));
        }
        assertEquals("embedded 0, unchanged 3, failed 0\n", shell(".embed-texts docs body v other").out());
    }

    @Test
    void refusesToRunInsideAnOpenTransactionAndBadArguments() throws Exception {
        docs(2);
        ShellRunner.Result r = shell("BEGIN;\n.embed-texts docs body v sim\nROLLBACK;");
        assertTrue(r.err().contains("Error: .embed-texts cannot run inside an open transaction: it commits each"
                + " batch as it goes"), r.err());
        assertEquals(0, requests(), "nothing was sent");
        assertTrue(shell(".embed-texts docs body").err().contains("Usage: .embed-texts SOURCE COLUMN|--query SQL"));
        assertTrue(shell(".embed-texts docs \"bad col\" v").err().contains("column must be a plain identifier"));
        assertTrue(shell(".embed-texts docs body v nope").err().contains("client 'nope' was not registered"));
        assertTrue(shell(".embed-texts docs body v sim --batch 0").err()
                .contains("--batch must be a whole number from 1 to 10000, got '0'"));
        assertTrue(shell(".embed-texts --query \"SELECT 1\" v sim").err()
                .contains("the query must return two columns: a unique key, then the text"));
    }

    @Test
    void aReadOnlyDatabaseIsRefusedBeforeAnyRequest() throws Exception {
        docs(2);
        String script = "INSERT INTO temp.rembed_clients(name, options) VALUES ('sim', rembed_client_options("
                + "'format', 'ollama', 'model', 'nomic-embed-text', 'url', '" + sim.baseUrl() + "'));\n"
                + ".embed-texts docs body v sim\n";
        ShellRunner.Result r = ShellRunner.run(dir, script, "file:" + dir.resolve("docs.db") + "?mode=ro");
        assertTrue(r.err().contains("Error: cannot write to v: attempt to write a readonly database"), r.err());
        assertEquals(0, requests(), "nothing was sent");
    }

    @Test
    void aTableMadeWithoutAKeyGetsNoDuplicateRows() throws Exception {
        docs(3);
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE v(id INTEGER, sha256 TEXT, embedding BLOB, error TEXT, embedded_at TEXT)");
        }
        shell("UPDATE docs SET body = '' WHERE id = 3;\n.embed-texts docs body v sim");
        shell(".embed-texts docs body v sim");
        shell("UPDATE docs SET body = 'changed' WHERE id IN (1, 3);\n.embed-texts docs body v sim");
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id), count(embedding) FROM v")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
            assertEquals(3, rs.getInt(2));
            assertEquals(3, rs.getInt(3));
        }
    }
}
