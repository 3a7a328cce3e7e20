package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
    private static List<String> statements(String sql) {
        return StatementSplitter.split(sql).statements();
    }

    @Test
    void splitsAtSemicolonsOutsideStringsAndIdentifiers() {
        assertEquals(List.of("SELECT 'a;b', \"c;d\", `e;f`, [g;h];", "SELECT 'it''s;';"),
                statements("SELECT 'a;b', \"c;d\", `e;f`, [g;h]; SELECT 'it''s;';"));
    }

    @Test
    void ignoresSemicolonsInCommentsAndDropsCommentOnlyStatements() {
        assertEquals(List.of("SELECT 1 -- not; the end\n + 2;", "SELECT /* ; */ 3;"),
                statements("SELECT 1 -- not; the end\n + 2; -- only a comment\n; SELECT /* ; */ 3;"));
    }

    @Test
    void keepsTriggerBodiesWhole() {
        String trigger = "CREATE TEMP TRIGGER t AFTER INSERT ON x BEGIN INSERT INTO y VALUES (1); "
                + "UPDATE y SET a = 2; END;";
        assertEquals(List.of(trigger, "SELECT 1;"), statements(trigger + "\nSELECT 1;"));
        assertFalse(StatementSplitter.isComplete("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1;"));
    }

    @Test
    void completenessFollowsSqlite3() {
        assertTrue(StatementSplitter.isComplete("SELECT 1;"));
        assertTrue(StatementSplitter.isComplete("SELECT 1; -- trailing comment"));
        assertFalse(StatementSplitter.isComplete("SELECT 1"));
        assertFalse(StatementSplitter.isComplete("SELECT 'open;"));
        assertFalse(StatementSplitter.isComplete("SELECT 1 /* open ;"));
        assertEquals("SELECT 2", StatementSplitter.split("SELECT 1; SELECT 2").rest().strip());
    }
}
