package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .open}, {@code .databases}, {@code .indexes}, as sqlite3 3.40 prints them. */
class DatabaseCommandsTest {
    @TempDir
    Path dir;

    private ShellRunner.Result run(String script, String... args) {
        return ShellRunner.run(dir, script, args);
    }

    @Test
    void openSwitchesDatabasesAndKeepsRembedFunctions() {
        ShellRunner.Result r = run(".open o.db\nCREATE TABLE x(a);\nINSERT INTO x VALUES (1);\n.open\n.tables x\n"
                + ".open o.db\nSELECT a, length(rembed('local', 'hi')) FROM x;\n.show\n");
        assertEquals("", r.err());
        assertEquals("1|1536\n", r.out().substring(0, r.out().indexOf('\n') + 1), "o.db kept its row; rembed works");
        assertEquals("    filename: o.db\n", r.out().lines().reduce((a, b) -> b).orElseThrow() + "\n");
        ShellRunner.Result fresh = run(".open --new o.db\nSELECT count(*) FROM sqlite_schema;\n");
        assertEquals("0\n", fresh.out(), "--new starts from an empty file");
    }

    @Test
    void openReadonlyAndDatabases() {
        run("CREATE TABLE x(a);\n", "o.db");
        ShellRunner.Result r = run(".open --readonly o.db\n.databases\nINSERT INTO x VALUES (1);\n");
        assertEquals("main: " + dir.resolve("o.db") + " r/o\ntemp: \"\" r/w\n".replace("r/w", "r/o"), r.out());
        assertEquals("Runtime error near line 3: attempt to write a readonly database (8)\n", r.err());
        assertEquals("main: \"\" r/w\ntemp: \"\" r/w\n", run(".databases\n").out());
    }

    @Test
    void openFailureLeavesAnEmptyInMemoryDatabase() {
        ShellRunner.Result r = run("CREATE TABLE old(x);\n.open no/such/dir/x.db\n.databases\n.tables old\n");
        assertEquals("Error: unable to open database \"no/such/dir/x.db\": unable to open database file\n", r.err());
        assertEquals("main: \"\" r/w\ntemp: \"\" r/w\n", r.out());
        assertEquals(0, r.code(), "as in sqlite3, not counted as an error");
        ShellRunner.Result usage = run(".open --bogus x.db\n.open a b\n");
        assertEquals("Error: unknown option: --bogus. Usage: .open [--new] [--readonly] [FILE]\n"
                + "Error: extra argument: \"b\". Usage: .open [--new] [--readonly] [FILE]\n", usage.err());
    }

    @Test
    void indexesListsIndexesLikeTables() {
        String script = "CREATE TABLE t(x); CREATE TABLE t2(x UNIQUE); CREATE INDEX ts ON t(x);\n"
                + "CREATE INDEX aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ON t2(x);\nCREATE TEMP TABLE tt(y); CREATE INDEX temp.tti ON tt(y);\n";
        assertEquals("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  temp.tti                          \n"
                + "sqlite_autoindex_t2_1               ts                                \n",
                run(script + ".indexes\n").out());
        assertEquals("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  sqlite_autoindex_t2_1             \n",
                run(script + ".indexes t2\n").out());
        assertEquals("", run(script + ".indexes nomatch\n").out());
    }
}
