package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .import}; expected output and messages are sqlite3 3.40's for the same files. */
class ImportCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        write("p.csv", "name,age,note\r\nann,31,\"likes \"\"quotes\"\"\"\nbob,,\"multi\nline\"\ncy,40\ndee,50,x,extra\n");
    }

    private void write(String name, String content) throws Exception {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private ShellRunner.Result run(String script) {
        return ShellRunner.script(dir, script);
    }

    @Test
    void csvCreatesTheTableFromTheHeaderAndReadsQuotedFields() {
        ShellRunner.Result r = run(".import --csv p.csv people\n.schema people\n.mode quote\nSELECT * FROM people;\n"
                + "SELECT DISTINCT typeof(age) FROM people;\n");
        assertEquals("CREATE TABLE IF NOT EXISTS \"people\"(\n\"name\" TEXT, \"age\" TEXT, \"note\" TEXT);\n"
                + "'ann','31','likes \"quotes\"'\n'bob','','multi\nline'\n'cy','40',NULL\n'dee','50','x'\n'text'\n",
                r.out());
        assertEquals("p.csv:5: expected 3 columns but found 2 - filling the rest with NULL\n"
                + "p.csv:6: expected 3 columns but found 4 - extras ignored\n", r.err());
        assertEquals(0, r.code(), "short and long rows are warnings");
    }

    @Test
    void anExistingTableTakesEveryRowUnlessSkipped() {
        assertEquals("a|b\n1|2\n", importInto("CREATE TABLE t(a, b);\n", ".import --csv q.csv t\n"));
        assertEquals("1|2\n", importInto("CREATE TABLE t(a, b);\n", ".import --csv --skip 1 q.csv t\n"));
    }

    private String importInto(String create, String command) {
        try {
            write("q.csv", "a,b\n1,2\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ShellRunner.Result r = run(create + command + "SELECT * FROM t;\n");
        assertEquals("", r.err());
        return r.out();
    }

    @Test
    void asciiModeAndTheOutputModesSeparators() throws Exception {
        write("p.txt", "h1\u001fh2\u001ea\u001f1\u001eb\u001f2\u001e");
        assertEquals("CREATE TABLE IF NOT EXISTS \"asc\"(\n\"h1\" TEXT, \"h2\" TEXT);\na|1\nb|2\n",
                run(".import --ascii p.txt asc\n.schema asc\nSELECT * FROM asc;\n").out());
        write("l.txt", "x|y\n\"q|r\"|s\n");
        assertEquals("q|r|s\n", run(".import l.txt l\nSELECT * FROM l;\n").out(), "list mode: '|' and CSV quoting");
        write("t.tsv", "x\ty\n1\t2\n");
        assertEquals("1|2\n", run(".mode tabs\n.import t.tsv t\n.mode list\nSELECT * FROM t;\n").out());
    }

    @Test
    void repeatedOrEmptyHeaderNamesAreRenamedAsSqlite3Does() throws Exception {
        write("d.csv", "a,b,c,d,e,f,g,h,i,j,a,,\n");
        ShellRunner.Result r = run(".import --csv d.csv t\n.schema t\n");
        assertEquals("CREATE TABLE IF NOT EXISTS \"t\"(\n\"a_1\" TEXT, \"b\" TEXT, \"c\" TEXT, \"d\" TEXT,\n"
                + " \"e\" TEXT, \"f\" TEXT, \"g\" TEXT, \"h\" TEXT,\n \"i\" TEXT, \"j\" TEXT, \"a_11\" TEXT, \"?_12\" TEXT,\n"
                + " \"?_13\" TEXT);\n", r.out());
        assertEquals("Columns renamed during .import d.csv due to duplicates:\n\"a\" to \"a_1\",\n\"a\" to \"a_11\",\n"
                + "\"?\" to \"?_12\",\n\"?\" to \"?_13\"\n", r.err());
        write("x.csv", "X,x,x_2\n");
        assertEquals("CREATE TABLE IF NOT EXISTS \"t\"(\n\"X_01\" TEXT, \"x_02\" TEXT, \"x_2\" TEXT);\n",
                run(".import --csv x.csv t\n.schema t\n").out(), "case-insensitive; padded until unique");
    }

    @Test
    void byteOrderMarkEmptyFileAndMissingFile() throws Exception {
        Files.write(dir.resolve("bom.csv"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', 'b', '\n'});
        assertEquals("CREATE TABLE IF NOT EXISTS \"bom\"(\n\"a\" TEXT, \"b\" TEXT);\n",
                run(".import --csv bom.csv bom\n.schema bom\n").out());
        write("empty.csv", "");
        ShellRunner.Result empty = run(".import --csv empty.csv e\n.tables e\n");
        assertEquals("empty.csv: empty file\n", empty.err());
        assertEquals(1, empty.code());
        assertEquals("Error: cannot open \"nope.csv\"\n", run(".import nope.csv x\n").err());
    }

    @Test
    void verboseReportsAndRefusedRowsCountAsAnError() throws Exception {
        write("u.csv", "a,b\n1,2\n1,3\n");
        ShellRunner.Result r = run("CREATE TABLE t(a INTEGER UNIQUE, b);\n.import -v --csv --skip 1 u.csv t\n"
                + "SELECT * FROM t;\n");
        assertEquals("Added 1 rows with 1 errors using 3 lines of input\n1|2\n", r.out());
        assertEquals("u.csv:3: INSERT failed: UNIQUE constraint failed: t.a\n", r.err());
        assertEquals(1, r.code());
        assertEquals("CREATE TABLE \"v\"(\n\"a\" TEXT, \"b\" TEXT)\n\nAdded 2 rows with 0 errors using 3 lines of input\n",
                run(".import -v --csv u.csv v\n").out());
    }

    @Test
    void rowsFromACommandAndUsageErrors() {
        assertEquals("1|2\n", run(".import --csv '|printf \"k,v\\n1,2\\n\"' piped\nSELECT * FROM piped;\n").out());
        ShellRunner.Result r = run(".import\n.import a\n.import a b c\n.import --bogus a b\n");
        assertTrue(r.err().startsWith("Error: missing FILE argument. Usage: .import "), r.err());
        assertTrue(r.err().contains("Error: missing TABLE argument."), r.err());
        assertTrue(r.err().contains("Error: extra argument: \"c\"."), r.err());
        assertTrue(r.err().contains("Error: unknown option: \"--bogus\"."), r.err());
    }
}
