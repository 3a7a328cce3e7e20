package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.SimServer;
import io.github.rembed.TestImages;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.SimulatedProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code .embed-images}: a directory into a table, skipping unchanged files, resumable. */
class EmbedImagesCommandTest {
    static final int DIMS = 8;
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(DIMS));

    @TempDir
    Path dir;

    private ShellRunner.Result embed(String command) {
        String script = "INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('mm',"
                + " rembed_multimodal_client_options('format', 'ollama', 'url', '" + sim.baseUrl() + "',"
                + " 'vision_model', 'llava:7b', 'embedding_model', 'nomic-embed-text', 'request_timeout_sec', 2)),"
                + " ('mm-other', rembed_multimodal_client_options('format', 'ollama', 'url', '" + sim.baseUrl() + "',"
                + " 'vision_model', 'llava:7b', 'embedding_model', 'other-embedder'));\n"
                + command + "\n";
        return ShellRunner.run(dir, script, "photos.db");
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("photos.db"));
    }

    @Test
    void embedsADirectoryThenSkipsWhatIsUnchanged() throws Exception {
        Path imgs = Files.createDirectories(dir.resolve("imgs/sub"));
        byte[] a = TestImages.unique();
        Files.write(dir.resolve("imgs/a.png"), a);
        Files.write(dir.resolve("imgs/b.png"), TestImages.unique());
        Files.write(imgs.resolve("c.jpg"), TestImages.unique());
        Files.write(dir.resolve("imgs/broken.png"), "not really an image".getBytes());
        Files.writeString(dir.resolve("imgs/notes.txt"), "ignored: not an image file name");

        ShellRunner.Result first = embed(".embed-images imgs photos mm");
        assertEquals("embedded 3, unchanged 0, failed 1\n", first.out(), first.err());
        assertTrue(first.err().contains("imgs/broken.png: input: not an image"), first.err());
        assertTrue(first.err().contains("Error: 1 image failed (see the error column of photos)"), first.err());
        assertEquals(1, first.code(), "a run with failed images is not a success");

        try (Connection c = db(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(embedding) FROM photos")) {
                rs.next();
                assertEquals(4, rs.getInt(1));
                assertEquals(3, rs.getInt(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT embedding, sha256, error FROM photos WHERE path = 'imgs/a.png'")) {
                rs.next();
                String caption = SimulatedProvider.captionFor("llava:7b", a);
                assertArrayEquals(Vectors.toBlob(SimulatedProvider.vectorFor("nomic-embed-text", caption, DIMS)),
                        rs.getBytes(1));
                assertEquals(ImageImport.sha256(a), rs.getString(2));
                assertNull(rs.getString(3));
            }
        }

        long visionBefore = sim.metrics().requests(Endpoint.OLLAMA_CHAT);
        ShellRunner.Result again = embed(".embed-images imgs photos mm");
        assertEquals("embedded 0, unchanged 3, failed 1\n", again.out(), again.err());
        assertEquals(visionBefore, sim.metrics().requests(Endpoint.OLLAMA_CHAT));

        Files.write(dir.resolve("imgs/b.png"), TestImages.unique());
        Files.write(dir.resolve("imgs/broken.png"), TestImages.unique());
        ShellRunner.Result changed = embed(".embed-images imgs photos mm");
        assertEquals("embedded 2, unchanged 2, failed 0\n", changed.out(), changed.err());
        assertEquals(0, changed.code());
    }

    @Test
    void aFailedImageIsRecordedAndRetriedOnTheNextRun() throws Exception {
        Files.createDirectories(dir.resolve("imgs"));
        Files.write(dir.resolve("imgs/ok.png"), TestImages.unique());
        Files.write(dir.resolve("imgs/flaky.png"), TestImages.withFault("FAULT:500"));
        ShellRunner.Result first = embed(".embed-images imgs photos mm");
        assertEquals("embedded 1, unchanged 0, failed 1\n", first.out(), first.err());
        assertTrue(first.err().contains("imgs/flaky.png: vision: "), first.err());
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT error FROM photos WHERE path = 'imgs/flaky.png'")) {
            rs.next();
            assertTrue(rs.getString(1).contains("HTTP 500"), rs.getString(1));
        }
        Files.write(dir.resolve("imgs/flaky.png"), TestImages.unique());
        assertEquals("embedded 1, unchanged 1, failed 0\n", embed(".embed-images imgs photos mm").out());
    }

    @Test
    void pathsMayComeFromAQuery() throws Exception {
        Files.createDirectories(dir.resolve("imgs"));
        Files.write(dir.resolve("imgs/q.png"), TestImages.unique());
        ShellRunner.Result r = embed("CREATE TABLE IF NOT EXISTS files(p TEXT); INSERT INTO files VALUES ('imgs/q.png'),"
                + " (NULL), ('imgs/missing.png');\n.embed-images --query \"SELECT p FROM files\" shots mm");
        assertEquals("embedded 1, unchanged 0, failed 1\n", r.out(), r.err());
        assertTrue(r.err().contains("imgs/missing.png: no such file"), r.err());
    }

    @Test
    void eachRowRecordsClientModelsDimensionsAndCaption() throws Exception {
        Files.createDirectories(dir.resolve("imgs"));
        byte[] a = TestImages.unique();
        Files.write(dir.resolve("imgs/a.png"), a);
        assertEquals("embedded 1, unchanged 0, failed 0\n", embed(".embed-images imgs photos mm").out());
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT client, model, vision_model, dimensions, caption FROM photos WHERE path = 'imgs/a.png'")) {
            rs.next();
            assertEquals("mm", rs.getString(1));
            assertEquals("ollama::nomic-embed-text", rs.getString(2));
            assertEquals("ollama::llava:7b", rs.getString(3));
            assertEquals(DIMS, rs.getInt(4));
            assertEquals(SimulatedProvider.captionFor("llava:7b", a), rs.getString(5));
        }
    }

    @Test
    void anotherEmbeddingModelIsRefusedEvenForUnchangedFilesUntilReembed() throws Exception {
        Files.createDirectories(dir.resolve("imgs"));
        Files.write(dir.resolve("imgs/a.png"), TestImages.unique());
        Files.write(dir.resolve("imgs/b.png"), TestImages.unique());
        embed(".embed-images imgs photos mm");
        long vision = sim.metrics().requests(Endpoint.OLLAMA_CHAT);
        ShellRunner.Result refused = embed(".embed-images imgs photos mm-other");
        assertEquals("", refused.out());
        assertTrue(refused.err().contains("table photos holds 2 vectors of model ollama::nomic-embed-text"
                + " (8 dimensions), but client 'mm-other' embeds with ollama::other-embedder"), refused.err());
        assertEquals(vision, sim.metrics().requests(Endpoint.OLLAMA_CHAT), "refused before any request");
        ShellRunner.Result replaced = embed(".embed-images imgs photos mm-other --reembed");
        assertEquals("embedded 2, unchanged 0, failed 0\n", replaced.out(), replaced.err());
    }

    @Test
    void aTableFromBeforeModelsWereRecordedGetsTheColumnsAndIsRefused() throws Exception {
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE old(path TEXT PRIMARY KEY, sha256 TEXT, embedding BLOB, error TEXT,"
                    + " embedded_at TEXT)");
            s.execute("INSERT INTO old VALUES ('imgs/x.png', 'abc', zeroblob(16 * 4), NULL, NULL)");
        }
        Files.createDirectories(dir.resolve("imgs"));
        Files.write(dir.resolve("imgs/a.png"), TestImages.unique());
        ShellRunner.Result refused = embed(".embed-images imgs old mm");
        assertTrue(refused.err().contains("table old holds 1 vector of a model it did not record (16 dimensions)"),
                refused.err());
        assertEquals("embedded 1, unchanged 0, failed 0\n", embed(".embed-images imgs old mm --reembed").out());
    }

    @Test
    void badArgumentsAreClearErrors() throws Exception {
        Files.createDirectories(dir.resolve("imgs"));
        assertTrue(embed(".embed-images imgs").err().contains("Usage: .embed-images DIR|--query SQL TABLE [CLIENT] [--reembed]"));
        assertTrue(embed(".embed-images imgs \"bad name\" mm").err().contains("table name must be a plain identifier"));
        assertTrue(embed(".embed-images imgs photos nope").err().contains("multimodal client 'nope' was not registered"));
        assertTrue(embed(".embed-images ../elsewhere photos mm").err().contains("not a directory below the working"));
    }

    private long visionRequests() {
        return sim.metrics().requests(Endpoint.OLLAMA_CHAT);
    }

    @Test
    void anOpenTransactionIsRefusedBeforeAnyRequest() throws Exception {
        Files.createDirectories(dir.resolve("imgs"));
        Files.write(dir.resolve("imgs/a.png"), TestImages.unique());
        long before = visionRequests();
        ShellRunner.Result r = embed("BEGIN;\n.embed-images imgs photos mm\nCOMMIT;");
        assertTrue(r.err().contains("Error: .embed-images cannot run inside an open transaction"), r.err());
        assertEquals(1, r.code());
        assertEquals(before, visionRequests(), "nothing was sent");
    }

    @Test
    void aReadOnlyDatabaseIsRefusedBeforeAnyRequest() throws Exception {
        Files.createDirectories(dir.resolve("imgs"));
        Files.write(dir.resolve("imgs/a.png"), TestImages.unique());
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos(path TEXT PRIMARY KEY, sha256 TEXT, embedding BLOB, error TEXT,"
                    + " embedded_at TEXT)");
        }
        long before = visionRequests();
        String script = "INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('mm',"
                + " rembed_multimodal_client_options('url', '" + sim.baseUrl() + "'));\n.embed-images imgs photos mm\n";
        ShellRunner.Result r = ShellRunner.run(dir, script, "file:" + dir.resolve("photos.db") + "?mode=ro");
        assertTrue(r.err().contains("Error: cannot write to photos: attempt to write a readonly database"), r.err());
        assertEquals(before, visionRequests(), "nothing was sent");
    }

    @Test
    void aTableMadeWithoutAKeyGetsNoDuplicateRows() throws Exception {
        Files.createDirectories(dir.resolve("imgs"));
        Files.write(dir.resolve("imgs/ok.png"), TestImages.unique());
        Files.write(dir.resolve("imgs/bad.png"), "not an image".getBytes());
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos(path TEXT, sha256 TEXT, embedding BLOB, error TEXT, embedded_at TEXT)");
        }
        embed(".embed-images imgs photos mm");
        embed(".embed-images imgs photos mm");
        Files.write(dir.resolve("imgs/ok.png"), TestImages.unique());
        embed(".embed-images imgs photos mm");
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT path) FROM photos")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
            assertEquals(2, rs.getInt(2));
        }
    }

    @Test
    void aFileNameThatIsNotUtf8IsAFailedItemNamedClearly() throws Exception {
        Path imgs = Files.createDirectories(dir.resolve("imgs"));
        Files.write(imgs.resolve("ok.png"), TestImages.unique());
        Process p = new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'bad\\377.png')\"").directory(imgs.toFile())
                .start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "the file system takes any bytes in names");
        ShellRunner.Result r = embed(".embed-images imgs photos mm");
        assertEquals("embedded 1, unchanged 0, failed 1\n", r.out(), r.err());
        assertTrue(r.err().contains("imgs/bad\uFFFD.png: file name is not valid UTF-8"), r.err());
        assertEquals(1, r.code());
    }
}
