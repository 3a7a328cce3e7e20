package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .dump}: the text sqlite3 3.40 writes for the same database, and it reads back whole. */
class DumpCommandTest {
    static final String SCHEMA = """
            CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT, r REAL, b BLOB, n);
            INSERT INTO t VALUES (1, 'it''s', 1.5, X'00ff', NULL), (2, 'line' || char(10) || 'break', 3.0, NULL, 7),
              (3, '', -0.0, X'', 9223372036854775807), (4, 'tab	x', 9e999, NULL, 'x' || char(13) || 'y'),
              (5, 'a' || char(10) || 'b\\n' || char(13), -9e999, NULL, NULL);
            CREATE TABLE "odd name"("a b", "select");
            INSERT INTO "odd name" VALUES (1, 2);
            CREATE INDEX ts ON t(s);
            CREATE VIEW v AS SELECT * FROM t -- all of t
            ;
            CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;
            CREATE TABLE a(x INTEGER PRIMARY KEY AUTOINCREMENT, y);
            INSERT INTO a(y) VALUES (5);
            CREATE TABLE w(k PRIMARY KEY, v) WITHOUT ROWID;
            INSERT INTO w VALUES ('k', 1);
            """;

    static final String DUMP = """
            PRAGMA foreign_keys=OFF;
            BEGIN TRANSACTION;
            CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT, r REAL, b BLOB, n);
            INSERT INTO t VALUES(1,'it''s',1.5,X'00ff',NULL);
            INSERT INTO t VALUES(2,replace('line\\nbreak','\\n',char(10)),3.0,NULL,7);
            INSERT INTO t VALUES(3,'',0.0,X'',9223372036854775807);
            INSERT INTO t VALUES(4,'tab	x',1e999,NULL,replace('x\\ry','\\r',char(13)));
            INSERT INTO t VALUES(5,replace(replace('a\\012b\\n\\r','\\r',char(13)),'\\012',char(10)),-1e999,NULL,NULL);
            CREATE TABLE IF NOT EXISTS "odd name"("a b", "select");
            INSERT INTO "odd name" VALUES(1,2);
            CREATE TABLE a(x INTEGER PRIMARY KEY AUTOINCREMENT, y);
            INSERT INTO a VALUES(1,5);
            CREATE TABLE w(k PRIMARY KEY, v) WITHOUT ROWID;
            INSERT INTO w VALUES('k',1);
            DELETE FROM sqlite_sequence;
            INSERT INTO sqlite_sequence VALUES('a',1);
            CREATE INDEX ts ON t(s);
            CREATE VIEW v AS SELECT * FROM t -- all of t
            ;
            CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;
            COMMIT;
            """;

    @TempDir
    Path dir;

    private String run(String db, String script) {
        ShellRunner.Result r = ShellRunner.run(dir, script, db);
        assertEquals("", r.err());
        return r.out();
    }

    @Test
    void dumpWritesWhatSqlite3Writes() {
        assertEquals(DUMP, run("d.db", SCHEMA + ".dump\n"));
    }

    @Test
    void theDumpReadsBackIntoTheSameDatabase() throws Exception {
        run("d.db", SCHEMA);
        Files.writeString(dir.resolve("d.sql"), run("d.db", ".dump\n"));
        assertEquals(DUMP, run("copy.db", ".read d.sql\n.dump\n"));
    }

    @Test
    void patternsDataOnlyAndNosys() {
        run("d.db", SCHEMA);
        assertEquals("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE IF NOT EXISTS \"odd name\"(\"a b\","
                + " \"select\");\nINSERT INTO \"odd name\" VALUES(1,2);\nCOMMIT;\n", run("d.db", ".dump odd%\n"));
        assertEquals("INSERT INTO a VALUES(1,5);\nINSERT INTO sqlite_sequence VALUES('a',1);\n",
                run("d.db", ".dump --data-only a sqlite_sequence\n"));
        assertTrue(!run("d.db", ".dump --nosys\n").contains("sqlite_sequence"));
        assertTrue(run("d.db", ".dump --data-only --newlines t\n").contains("INSERT INTO t VALUES(2,'line\nbreak',3.0,NULL,7);\n"));
    }

    @Test
    void aVirtualTableIsRecreatedThroughItsSchemaRow() {
        String dump = run("d.db", "CREATE VIRTUAL TABLE f USING fts5(body);\nINSERT INTO f VALUES ('hello');\n.dump f\n");
        assertTrue(dump.contains("PRAGMA writable_schema=ON;\nINSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)"
                + "VALUES('table','f','f',0,'CREATE VIRTUAL TABLE f USING fts5(body)');\n"), dump);
        assertTrue(dump.contains("CREATE TABLE IF NOT EXISTS 'f_data'(") || dump.contains("CREATE TABLE 'f_data'("), dump);
        assertTrue(dump.endsWith("PRAGMA writable_schema=OFF;\nCOMMIT;\n"), dump);
        run("copy.db", dump);
        // As with sqlite3, the schema row takes effect on the next connection.
        assertEquals("hello\n", run("copy.db", "SELECT body FROM f WHERE f MATCH 'hello';\n"));
    }

    @Test
    void temporaryObjectsSuchAsRembedClientsAreNotDumped() {
        assertEquals("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCOMMIT;\n", run(":memory:", ".dump\n"));
    }
}
