package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line options and the exit status, compared with what sqlite3 3.40 does for the same command line. */
class ShellOptionsTest {
    @TempDir
    Path dir;

    private ShellRunner.Result run(String stdin, String... args) {
        return ShellRunner.run(dir, stdin, args);
    }

    @Test
    void initRunsFirstThenCmdThenTheSql() throws Exception {
        Files.writeString(dir.resolve("init.sql"), ".print from-init\nSELECT 1;\n");
        ShellRunner.Result r = run("", "-init", "init.sql", "-cmd", ".print cmd1", "-cmd", "SELECT 2", ":memory:",
                "SELECT 3");
        assertEquals("from-init\n1\ncmd1\n2\n3\n", r.out());
        assertEquals(0, r.code());
        assertEquals("from-init\n1\n2\n4\n", run("SELECT 4;\n", "-init", "init.sql", "-cmd", "SELECT 2").out());
        ShellRunner.Result missing = run("", "-init", "nope.sql", ":memory:", "SELECT 5");
        assertEquals("5\n", missing.out());
        assertEquals("cannot open: \"nope.sql\"\n", missing.err());
    }

    @Test
    void theHomeDirectorysRembedrcRunsUnlessInitNamesAnotherFile() throws Exception {
        Files.writeString(dir.resolve(".rembedrc"), ".mode csv\n");
        assertEquals("1,2\r\n", run("", ":memory:", "SELECT 1, 2").out());
        Files.writeString(dir.resolve("other.sql"), "");
        assertEquals("1|2\n", run("", "-init", "other.sql", ":memory:", "SELECT 1, 2").out());
    }

    @Test
    void aFailingCmdDoesNotDecideTheStatusUnlessBail() {
        ShellRunner.Result r = run("", "-cmd", "SELECT nope", ":memory:", "SELECT 6");
        assertEquals("6\n", r.out());
        assertEquals("Error: in prepare, no such column: nope\n", r.err());
        assertEquals(0, r.code());
        ShellRunner.Result bail = run("", "-bail", "-cmd", "SELECT nope", ":memory:", "SELECT 6");
        assertEquals("", bail.out());
        assertEquals(1, bail.code());
    }

    @Test
    void theFirstFailingArgumentStopsTheRestWithSqlite3sStatus() {
        ShellRunner.Result prepare = run("", ":memory:", "SELECT 1", "SELECT nope", "SELECT 3");
        assertEquals("1\n", prepare.out());
        assertEquals(1, prepare.code());
        ShellRunner.Result step = run("", ":memory:", "CREATE TABLE t(x UNIQUE)", "INSERT INTO t VALUES (1), (1)",
                "SELECT 2");
        assertEquals("", step.out());
        assertEquals("Error: stepping, UNIQUE constraint failed: t.x (19)\n", step.err());
        assertEquals(19, step.code(), "the SQLite result code, as sqlite3 exits");
        ShellRunner.Result dot = run("", ":memory:", "SELECT 1", ".nope", "SELECT 3");
        assertEquals("1\n", dot.out());
        assertEquals(1, dot.code());
        ShellRunner.Result inOne = run("", ":memory:", "SELECT 1; SELECT nope; SELECT 3");
        assertEquals("1\n", inOne.out(), "statements after the failing one in the same argument do not run");
    }

    @Test
    void readonlyRefusesWrites() {
        run("", "data.db", "CREATE TABLE t(x)");
        ShellRunner.Result r = run("", "-readonly", "data.db", "INSERT INTO t VALUES (1)");
        assertEquals("Error: stepping, attempt to write a readonly database (8)\n", r.err());
        assertEquals(8, r.code());
    }

    @Test
    void separatorsNullvalueAndModeOptionsApplyInOrder() {
        assertEquals("NIL;1#", run("", "-nullvalue", "NIL", "-newline", "#", "-separator", ";", ":memory:",
                "SELECT NULL, 1").out());
        assertEquals("1;2\n", run("", "-separator", ";", "-list", ":memory:", "SELECT 1, 2").out(),
                "-list keeps the separator");
        assertEquals("1,2\n", run("", "-csv", "-list", ":memory:", "SELECT 1, 2").out());
        assertEquals("a\n1\n", run("", ":memory:", "-header", "-csv", "SELECT 1 AS a").out(),
                "options may follow the database");
        assertEquals("    n = 9\n", run("", "-noheader", "-line", ":memory:", "SELECT 9 AS n").out());
    }

    @Test
    void boxTableAndMarkdownNameTheirOutputModes() {
        for (String mode : new String[] {"box", "table", "markdown"}) {
            ShellRunner.Result r = run("", "-" + mode, ":memory:", "SELECT 1 AS a");
            assertEquals(0, r.code(), mode);
            assertEquals(run("", ":memory:", ".mode " + mode, "SELECT 1 AS a").out(), r.out(), mode);
            assertTrue(r.out().contains("| a |") || r.out().contains("\u2502 a \u2502"), r.out());
        }
        ShellRunner.Result prefix = run("", "-bo", ":memory:", "SELECT 1");
        assertEquals("Error: unknown option: -bo\nUse -help for a list of options.\n", prefix.err(),
                "a flag names its mode in full, unlike .mode");
        ShellRunner.Result missing = run("", "-cmd");
        assertEquals("Error: missing argument to -cmd\n", missing.err());
        assertEquals(1, missing.code());
    }

    @Test
    void batchAndInteractiveOverrideWhatStdinIs() {
        ShellRunner.Result interactive = run("SELECT 1;\nSELECT\n2;\nSELECT nope;\n", "-interactive");
        assertTrue(interactive.out().endsWith("rembed> 1\nrembed>    ...> 2\nrembed> rembed> \n"), interactive.out());
        assertEquals("Parse error: no such column: nope\n  SELECT nope;\n", interactive.err(),
                "no line numbers for a person typing");
        assertEquals(1, interactive.code(), "as sqlite3: an error in the session makes the status 1");
        ShellRunner.Result batch = run("SELECT 1;\n", "-batch");
        assertEquals("1\n", batch.out());
    }
}
