package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The scripts in {@code examples-sql/} and the README's tour run as written, in a fresh shell
 * from the repository root, with no key and no model server. The scripts that load sqlite-vec
 * need the library {@code ./rembed --test} fetches; without it they are skipped.
 */
class ExampleScriptsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static ShellRunner.Result run(String script) throws IOException {
        return ShellRunner.script(ROOT, Files.readString(ROOT.resolve("examples-sql").resolve(script)));
    }

    private static void assumeSqliteVec() {
        String vec = System.getProperty("rembed.sqliteVec");
        assumeTrue(vec != null && !vec.isBlank() && Files.exists(ROOT.resolve(".cache/sqlite-vec")),
                "sqlite-vec was not fetched (./rembed --test fetches it)");
    }

    @Test
    void basicsRunsOffline() throws IOException {
        ShellRunner.Result r = run("basics.sql");
        assertEquals("", r.err());
        assertEquals(0, r.code());
    }

    @Test
    void theTourRunsAsWrittenWithoutAKey() throws IOException {
        assumeSqliteVec();
        ShellRunner.Result r = run("tour.sql");
        assertEquals("", r.err());
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("1536\n1\n3\n1\nall-minilm-l6-v2\ncustom\nembed-english-v3.0\nlocal\nnomic\n"
                + "text-embedding-3-small\nSimmer crushed tomatoes"), r.out());
    }

    @Test
    void semanticSearchRuns() throws IOException {
        assumeSqliteVec();
        ShellRunner.Result r = run("semantic_search.sql");
        assertEquals("", r.err());
        assertEquals(0, r.code());
    }

    /** The README shows the tour; it must be the script the test above runs. */
    @Test
    void theReadmeTourIsTheTourScript() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int heading = readme.indexOf("## A tour in SQL");
        int start = readme.indexOf("```sql\n", heading) + "```sql\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        String script = Files.readString(ROOT.resolve("examples-sql/tour.sql"), StandardCharsets.UTF_8);
        assertEquals(script, block);
    }
}
