package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell as users drive it: stdin scripts and arguments, output modes, dot commands, exit codes. */
class ShellTest {
    private static final String TABLE = """
            CREATE TABLE t(a, b TEXT, c);
            INSERT INTO t VALUES (1, 'x,y', NULL), (2.5, 'say "hi"', X'00ff'), (-3, 'it''s', 1e20);
            """;

    @TempDir
    Path dir;

    private ShellRunner.Result script(String text) {
        return ShellRunner.script(dir, text);
    }

    private String output(String text) {
        ShellRunner.Result r = script(text);
        assertEquals("", r.err());
        assertEquals(0, r.code());
        return r.out();
    }

    @Test
    void listModeIsTheDefaultLikeSqlite3() {
        assertEquals("1|x,y|\n-3|it's|1.0e+20\n", output(TABLE + "SELECT * FROM t WHERE a <> 2.5;"));
        assertEquals("a|b|c\n1|x,y|\n", output(TABLE + ".headers on\nSELECT * FROM t WHERE a = 1;"));
    }

    @Test
    void blobsPrintAsRawBytesInListModeAndHexInQuoteMode() {
        ShellRunner.Result r = script("SELECT X'00ff41';");
        assertArrayEquals(new byte[] {0, (byte) 0xff, 'A', '\n'}, r.outBytes());
        assertEquals("X'00ff41'\n", output(".mode quote\nSELECT X'00ff41';"));
    }

    @Test
    void csvQuotesLikeSqlite3AndEndsRowsWithCrLf() {
        assertEquals("a,b,c\r\n1,\"x,y\",\r\n-3,\"it's\",1.0e+20\r\n",
                output(TABLE + ".mode csv\n.headers on\nSELECT * FROM t WHERE a <> 2.5;"));
    }

    @Test
    void quoteTabsAndJsonModes() {
        String rows = "SELECT * FROM t WHERE a <> 2.5;";
        assertEquals("1,'x,y',NULL\n-3,'it''s',1.0e+20\n", output(TABLE + ".mode quote\n" + rows));
        assertEquals("1\tx,y\t\n-3\tit's\t1.0e+20\n", output(TABLE + ".mode tabs\n" + rows));
        assertEquals("[{\"a\":1,\"b\":\"x,y\",\"c\":null},\n{\"a\":-3,\"b\":\"it's\",\"c\":1.0e+20}]\n",
                output(TABLE + ".mode json\n" + rows));
        assertEquals("[{\"s\":\"say \\\"hi\\\"\\n\"}]\n", output(".mode json\nSELECT 'say \"hi\"' || char(10) AS s;"));
    }

    @Test
    void jsonWritesInfinitiesAsSqlite3Does() {
        assertEquals("[{\"a\":1e999,\"b\":-1e999,\"c\":1.5}]\n",
                output(".mode json\nSELECT 1e999 AS a, -1e999 AS b, 1.5 AS c;"));
    }

    @Test
    void lineAndColumnModes() {
        assertEquals("    a = 1\n    b = x,y\n    c = \n\n    a = -3\n    b = it's\n    c = 1.0e+20\n",
                output(TABLE + ".mode line\nSELECT * FROM t WHERE a <> 2.5;"));
        assertEquals("a   b     c      \n--  ----  -------\n1   x,y          \n-3  it's  1.0e+20\n",
                output(TABLE + ".mode column\n.headers on\nSELECT * FROM t WHERE a <> 2.5;"));
    }

    @Test
    void separatorEchoAndTimer() {
        assertEquals("1;2::", output(".separator ; ::\nSELECT 1, 2;"));
        assertEquals("SELECT 7; -- seven\n7\n.echo off\n", output(".echo on\nSELECT 7; -- seven\n.echo off\n"));
        assertTrue(output(".timer on\nSELECT 1;").matches("1\nRun Time: real \\d+\\.\\d{3} user \\d+\\.\\d{6} sys \\d+\\.\\d{6}\n"));
    }

    @Test
    void errorsGoToStderrWithoutStackTracesAndTheScriptContinues() {
        ShellRunner.Result r = script("SELECT 1;\nSELECT nope;\nSELECT abs(-9223372036854775808);\nSELECT 2;\n");
        assertEquals("1\n2\n", r.out());
        assertEquals(1, r.code(), "a script that had errors exits with 1, as sqlite3 does");
        assertTrue(r.err().startsWith("Parse error near line 2: no such column: nope\n"), r.err());
        assertTrue(r.err().contains("Runtime error near line 3: integer overflow\n"), r.err());
        assertFalse(r.err().contains("SQLITE_ERROR") || r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    @Test
    void rembedErrorsNameTheFunctionAndLeaveTheConnectionUsable() {
        ShellRunner.Result r = script("SELECT rembed('no-such-client', 'x');\nSELECT length(rembed('local', 'still works'));\n");
        assertEquals("1536\n", r.out());
        assertTrue(r.err().startsWith("Runtime error near line 1: rembed: "), r.err());
        assertTrue(r.err().contains("no-such-client"), r.err());
    }

    @Test
    void bailStopsAtTheFirstErrorWithExitCode1() {
        ShellRunner.Result r = script(".bail on\nSELECT 1;\nSELECT nope;\nSELECT 2;\n");
        assertEquals("1\n", r.out());
        assertEquals(1, r.code());
    }

    @Test
    void exitCodes() {
        assertEquals(3, script("SELECT 1;\n.exit 3\nSELECT 2;\n").code());
        ShellRunner.Result quit = script("SELECT 1;\n.quit\nSELECT 2;\n");
        assertEquals("1\n", quit.out());
        assertEquals(0, quit.code());
        assertEquals(1, script("SELECT nope;\n.exit\n").code(), "a plain .exit keeps the error status");
        assertEquals(1, script(".nosuchcommand\n").code());
    }

    @Test
    void unknownDotCommandIsAClearError() {
        ShellRunner.Result r = script(".frobnicate now\nSELECT 5;\n");
        assertEquals("5\n", r.out());
        assertEquals("Error: unknown command or invalid arguments: \"frobnicate\". Enter \".help\" for help\n", r.err());
    }

    @Test
    void loadingRembed0IsANoOpSoRustScriptsRunUnchanged() {
        assertEquals("1536\n", output(".load rembed0\n.load ./dist/release/rembed0.so\n"
                + "SELECT length(rembed('all-minilm-l6-v2', 'hi'));"));
    }

    @Test
    void loadingAMissingExtensionIsAnError() {
        ShellRunner.Result r = script(".load no-such-extension\nSELECT 1;\n");
        assertEquals("1\n", r.out());
        assertTrue(r.err().startsWith("Error: "), r.err());
        assertTrue(r.err().contains("no-such-extension"), r.err());
    }

    @Test
    void readRunsAFileRelativeToTheWorkingDirectory() throws Exception {
        Files.writeString(dir.resolve("inner.sql"), ".headers on\nSELECT 'from file' AS src;\n");
        assertEquals("src\nfrom file\n42\n42\n", output(".read inner.sql\nSELECT 42;"), "settings made in the file stay");
        ShellRunner.Result missing = script(".read missing.sql\n");
        assertEquals("Error: cannot open \"missing.sql\"\n", missing.err());
    }

    @Test
    void fileFunctionsReadBelowTheWorkingDirectory() throws Exception {
        Files.writeString(dir.resolve("hello.txt"), "hello");
        assertEquals("aGVsbG8=|5\n", output("SELECT readfile_base64('hello.txt'), length(readfile('hello.txt'));"));
    }

    @Test
    void statementsSpanLinesAndTriggersRunWhole() {
        assertEquals("2\n", output("""
                CREATE TABLE a(x); CREATE TABLE log(n);
                CREATE TRIGGER a_ins AFTER INSERT ON a BEGIN
                  INSERT INTO log VALUES (NEW.x);
                  INSERT INTO log VALUES (NEW.x * 10);
                END;
                INSERT INTO a VALUES (1);
                SELECT
                  count(*)
                FROM log;
                """));
        assertEquals("9\n", output("-- comment line\n# hash comment\nSELECT 9"), "an unterminated last statement runs");
    }

    @Test
    void tablesAndSchema() {
        String sql = "CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT);\nCREATE VIEW v AS SELECT 1;\n";
        assertEquals("docs                                   temp.rembed_multimodal_clients_config\n"
                + "temp.rembed_clients                    v                                    \n"
                + "temp.rembed_multimodal_clients       \n", output(sql + ".tables"));
        String schema = output(sql + ".schema");
        assertTrue(schema.startsWith("CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT);\nCREATE VIEW v AS SELECT 1;\n"),
                schema);
        assertTrue(schema.contains("CREATE TABLE temp.rembed_clients("), schema);
        assertFalse(schema.contains("TRIGGER"), "rembed's own triggers are not the user's schema");
    }

    @Test
    void sqlFromArgumentsAndDatabaseFile() {
        ShellRunner.Result r = ShellRunner.run(dir, "SELECT 'stdin is ignored';", "data.db",
                "CREATE TABLE t(x); INSERT INTO t VALUES (1), (2);", "SELECT sum(x) FROM t");
        assertEquals("3\n", r.out());
        assertEquals("2\n", ShellRunner.run(dir, "", "data.db", "SELECT count(*) FROM t").out(), "the file persists");
        ShellRunner.Result bad = ShellRunner.run(dir, "", ":memory:", "SELECT nope");
        assertEquals("Error: in prepare, no such column: nope\n", bad.err());
        assertEquals(1, bad.code());
    }

    @Test
    void optionsAndHelp() {
        // sqlite3's -csv sets the comma only; rows end in \n (.mode csv uses \r\n)
        assertEquals("a,b\n1,2\n", ShellRunner.run(dir, "", "-csv", "-header", ":memory:", "SELECT 1 AS a, 2 AS b").out());
        ShellRunner.Result help = ShellRunner.run(dir, "", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: rembed"));
        String dotHelp = output(".help");
        for (String command : new String[] {".mode", ".headers", ".timer", ".bail", ".echo", ".read", ".load", ".exit"}) {
            assertTrue(dotHelp.contains(command + " "), command);
        }
        ShellRunner.Result bad = ShellRunner.run(dir, "", "-nosuch");
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("Error: unknown option: -nosuch"));
    }

    @Test
    void abbreviatedDotCommandsWorkAsInSqlite3() {
        assertEquals("a\n1\n", output(".header on\nSELECT 1 AS a;"));
    }

    @Test
    void tabularModeFlagsOnTheCommandLine() {
        assertEquals("| a |\n|---|\n| 1 |\n", ShellRunner.run(dir, "", "-markdown", ":memory:", "SELECT 1 AS a").out());
        assertEquals("+---+\n| a |\n+---+\n| 1 |\n+---+\n",
                ShellRunner.run(dir, "", "-table", ":memory:", "SELECT 1 AS a").out());
        assertEquals("\u250c\u2500\u2500\u2500\u2510\n\u2502 a \u2502\n\u251c\u2500\u2500\u2500\u2524\n"
                        + "\u2502 1 \u2502\n\u2514\u2500\u2500\u2500\u2518\n",
                ShellRunner.run(dir, "", "-box", ":memory:", "SELECT 1 AS a").out());
        String seventy = "x".repeat(70);
        assertEquals("| " + seventy + " |", ShellRunner.run(dir, "", "-markdown", ":memory:",
                "SELECT '" + seventy + "' AS a").out().split("\n")[2], "as in sqlite3, a flag's mode does not wrap");
        assertEquals("| " + "x".repeat(60) + " |", ShellRunner.run(dir, "", "-markdown", ":memory:", ".mode markdown",
                "SELECT '" + seventy + "' AS a").out().split("\n")[2], ".mode wraps at 60");
    }

    @Test
    void aParameterValueMayUseParametersAlreadySet() {
        assertEquals("43\n", output(".param set :a 42\n.param set :b :a+1\nSELECT :b;"));
        assertEquals("x\n", output(".param set :s x\nSELECT :s;"), "a word that is no SQL value is text");
    }
}
