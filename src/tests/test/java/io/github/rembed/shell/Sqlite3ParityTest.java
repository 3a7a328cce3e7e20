package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same scripts through the real sqlite3 (where installed) and this shell: the same output. */
class Sqlite3ParityTest {
    private static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSqlite3() {
        assumeTrue(Files.isExecutable(SQLITE3), "sqlite3 is not installed");
    }

    private record Run(int code, String out, String err) {
    }

    private Run sqlite3(String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(SQLITE3.toString(), "-init", "/dev/null"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, err);
    }

    private void sameOutput(String stdin, String... args) throws Exception {
        Run expected = sqlite3(stdin, args);
        ShellRunner.Result actual = ShellRunner.run(dir, stdin, args);
        assertEquals(withoutMissingSettings(expected.out()), actual.out(), "stdout");
        assertEquals(expected.code(), actual.code(), "exit status");
    }

    /** {@code .show} here leaves out the settings this shell does not have. */
    private static String withoutMissingSettings(String show) {
        return show.replaceAll("(?m)^ *(eqp|explain|stats): .*\n", "");
    }

    @Test
    void importsAndSettings() throws Exception {
        Files.writeString(dir.resolve("p.csv"), "name,age\r\nann,31\n\"b, \"\"q\"\"\",\ncy\ndee,5,x\n");
        sameOutput("""
                .import --csv p.csv people
                .schema people
                .mode quote
                SELECT * FROM people;
                .mode list
                .import --csv --skip 2 p.csv people
                .nullvalue NIL
                .changes on
                SELECT * FROM people;
                UPDATE people SET age = age + 1;
                .changes off
                .once out.txt
                SELECT 'to file';
                .indexes
                CREATE INDEX pa ON people(age);
                .indexes people
                .headers off
                .width 4 -3
                .mode column
                SELECT * FROM people;
                .headers on
                SELECT * FROM people WHERE name <> 'cy';
                """);
    }

    @Test
    void aDumpReadsBackIntoTheDatabaseSqlite3Dumps() throws Exception {
        String schema = DumpCommandTest.SCHEMA + "INSERT INTO t(s, r) VALUES ('reals', 0.1), ('more', 1e100);\n";
        sqlite3(schema, "orig.db");
        Files.writeString(dir.resolve("ours.sql"), ShellRunner.run(dir, ".dump\n", "orig.db").out());
        sqlite3(".read ours.sql\n", "copy.db");
        assertEquals(sqlite3(".dump\n", "orig.db").out(), sqlite3(".dump\n", "copy.db").out());
    }

    @Test
    void tabularModesFromFlagsWithWidthsNullsAndParameters() throws Exception {
        String query = "SELECT 'abcdefghijkl' AS a, NULL AS b, 7 AS c";
        sameOutput("", "-box", ":memory:", "SELECT printf('%.70c', 'x') AS long_value", query, ".show");
        sameOutput("", "-table", "-nullvalue", "NULL", "-cmd", ".width 5 -6", ":memory:", query, ".show");
        sameOutput("", "-markdown", "-header", "-cmd", ".width -3", ":memory:", query);
        sameOutput("", "-noheader", "-separator", ";", ":memory:", ".mode column", query, ".show");
        sameOutput("", ":memory:", ".mode box", ".width 5 10", ".nullvalue NULL", query, ".mode list", query, ".show");
        sameOutput("", ":memory:", ".param set :x 5", ".mode qbox", "SELECT :x AS x, :x || 'y' AS y, :z AS z",
                ".mode", ".show");
    }

    @Test
    void optionsAndArguments() throws Exception {
        Files.writeString(dir.resolve("init.sql"), ".print from-init\nSELECT 1;\n");
        sameOutput("", "-init", "init.sql", "-cmd", ".print cmd", "-cmd", "SELECT 2", ":memory:", "SELECT 3");
        sameOutput("", ":memory:", "SELECT 1", "SELECT nope", "SELECT 3");
        sameOutput("", ":memory:", "CREATE TABLE t(x UNIQUE)", "INSERT INTO t VALUES (1), (1)", "SELECT 2");
        sameOutput("", "-nullvalue", "-", "-separator", ";", "-header", ":memory:", "SELECT NULL AS a, 1 AS b");
        sameOutput("SELECT 1, 'x y';\n", "-csv");
        sameOutput("", "-cmd", "SELECT nope", ":memory:", "SELECT 6");
    }
}
