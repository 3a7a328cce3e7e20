package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .output}, {@code .once}, {@code .nullvalue}, {@code .width}, {@code .changes} and
 * {@code .show}; expected texts are what sqlite3 3.40 prints for the same input.
 */
class SettingsAndOutputCommandsTest {
    @TempDir
    Path dir;

    private String output(String script) {
        ShellRunner.Result r = ShellRunner.script(dir, script);
        assertEquals("", r.err());
        assertEquals(0, r.code());
        return r.out();
    }

    private String file(String name) throws Exception {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void onceSendsTheNextCommandOnlyToAFile() throws Exception {
        String out = output("""
                .once o1.txt
                .print hi
                SELECT 1;
                .once o2.txt
                SELECT 3; SELECT 4;
                SELECT 5;
                """);
        assertEquals("1\n5\n", out);
        assertEquals("hi\n", file("o1.txt"));
        assertEquals("3\n4\n", file("o2.txt"), "statements on one line are one command");
    }

    @Test
    void outputStaysRedirectedUntilResetAndShowNamesTheTarget() throws Exception {
        String out = output(".output o3.txt\nSELECT 6;\n.print p\n.show\n.output\nSELECT 7;\n");
        assertEquals("7\n", out);
        assertTrue(file("o3.txt").startsWith("6\np\n"), file("o3.txt"));
        assertTrue(file("o3.txt").contains("      output: o3.txt\n"), file("o3.txt"));
    }

    @Test
    void outputIntoACommandAndWithAByteOrderMark() throws Exception {
        assertEquals("after\n", output(".once '|tr a-z A-Z > piped.txt'\nSELECT 'shout';\nSELECT 'after';\n"));
        assertEquals("SHOUT\n", file("piped.txt"));
        output(".output --bom bom.txt\nSELECT 'x';\n");
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\n'},
                Files.readAllBytes(dir.resolve("bom.txt")));
    }

    @Test
    void anUnwritableOutputFileIsAnErrorAndOutputStaysOnStdout() {
        ShellRunner.Result r = ShellRunner.script(dir, ".output no/such/dir/x.txt\nSELECT 9;\n.once a b\n");
        assertEquals("9\n", r.out());
        assertEquals("Error: cannot open \"no/such/dir/x.txt\"\n"
                + "Error: extra parameter: \"b\". Usage: .once [--bom] FILE\n", r.err());
        assertEquals(1, r.code());
    }

    @Test
    void nullvalueInEveryModeThatPrintsText() {
        String script = ".nullvalue NIL\n.headers on\n";
        assertEquals("NULL|1\nNIL|1\n", output(script + "SELECT NULL, 1;"));
        assertEquals("NULL,1\r\nNIL,1\r\n", output(script + ".mode csv\nSELECT NULL, 1;"));
        assertEquals("    n = NIL\n", output(script + ".mode line\nSELECT NULL AS n;"));
        assertEquals("'NULL'\nNULL\n", output(script + ".mode quote\nSELECT NULL;"), "quote mode writes SQL");
        assertEquals("[{\"n\":null}]\n", output(script + ".mode json\nSELECT NULL AS n;"));
        ShellRunner.Result usage = ShellRunner.script(dir, ".nullvalue\n");
        assertEquals("Error: Usage: .nullvalue STRING\n", usage.err());
    }

    @Test
    void widthFixesWrapsAndRightAlignsColumns() {
        String out = output(".nullvalue NIL\n.width 3 -6 0\n.mode column\n.headers on\n"
                + "SELECT 'abcdef' AS a, 12 AS b, NULL AS c;\n");
        assertEquals("a         b  c  \n---  ------  ---\nabc      12  NIL\ndef             \n", out);
        assertEquals("ab     b  c     d      e    \n--  ----  ----  -----  -----\nab    xy  auto  five   extra\n"
                        + "cd                          \ne                           \n",
                output(".mode column\n.headers on\n.width 2 -4 0 5\n"
                        + "SELECT 'abcde' AS abc, 'xy' AS b, 'auto' AS c, 'five' AS d, 'extra' AS e;\n"));
        assertEquals("abcdef\n", output(".width 3\nSELECT 'abcdef';\n"), "list mode ignores widths");
        assertEquals("abc  1\nd     \n\nx    2\n", output(".headers off\n.mode column\n.width 3 1\n"
                        + "SELECT 'abcd', 1 UNION ALL SELECT 'x', 2;\n"),
                "once a row wraps, rows are set apart by a blank line");
    }

    @Test
    void changesCountsTheUsersRowsAfterEachCommand() {
        assertEquals("""
                changes: 0   total_changes: 0
                changes: 2   total_changes: 2
                changes: 2   total_changes: 4
                1
                changes: 2   total_changes: 4
                """, output(".changes on\nCREATE TABLE t(x);\nINSERT INTO t VALUES (1),(2);\nUPDATE t SET x = x+1;\n"
                + "SELECT 1;\n.changes off\nSELECT 2 WHERE 0;\n"));
        ShellRunner.Result failed = ShellRunner.script(dir, ".changes on\nSELECT nope;\n");
        assertEquals("", failed.out(), "nothing after a failed statement");
    }

    @Test
    void showListsTheSettingsAsSqlite3() {
        assertEquals("""
                        echo: off
                     headers: on
                        mode: csv
                   nullvalue: "a\\tb"
                      output: stdout
                colseparator: ";"
                rowseparator: "\\r\\n"
                       width: 3 -6 0\s
                    filename: :memory:
                """, output(".headers on\n.mode csv\n.nullvalue \"a\\tb\"\n.separator ; \"\\r\\n\"\n.width 3 -6 0\n.show\n"));
        assertEquals("\"\\303\\251\\001\"", SettingsCommands.cString("é\u0001"), "non-ASCII and control bytes in octal");
    }
}
