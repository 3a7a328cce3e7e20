package io.github.rembed.internal.sql;

import static io.github.rembed.SqlTestSupport.blob;
import static io.github.rembed.SqlTestSupport.error;
import static io.github.rembed.SqlTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.RembedConfig;
import io.github.rembed.SqlTestSupport;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wrong types, wrong counts, malformed JSON and oversized input: each a clear error; nothing breaks. */
class ArgumentErrorsSqlTest {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = SqlTestSupport.open(RembedConfig.builder().maxTextBytes(1000).maxBatchItems(5).build());
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private void assertError(String sql, String expected) {
        String msg = error(conn, sql);
        assertTrue(msg.contains(expected), () -> "expected '" + expected + "' in: " + msg);
    }

    @Test
    void wrongTypes() {
        assertError("SELECT rembed('local', x'00ff')", "rembed: text must be TEXT, got BLOB");
        assertError("SELECT rembed(42, 'x')", "rembed: client name must be TEXT, got INTEGER");
        assertError("SELECT rembed(NULL, 'x')", "rembed: client name must be TEXT, got NULL");
        assertError("SELECT rembed_batch('local', 7)", "rembed_batch: json_array must be TEXT, got INTEGER");
    }

    @Test
    void wrongArgumentCounts() {
        assertError("SELECT rembed('local')",
                "rembed: expected 2 to 3 arguments, got 1; usage: rembed(client, text [, input_type])");
        assertError("SELECT rembed_batch('local', '[]', 'query', 4)", "usage: rembed_batch(client, json_array [, input_type | options])");
        assertError("SELECT rembed('local', 'x', 3)", "rembed: input_type must be TEXT, got INTEGER");
        assertError("SELECT rembed('local', 'x', 'search_query')",
                "rembed: client 'local': local takes no input_type; only nomic, cohere, gemini, voyage do");
    }

    @Test
    void malformedBatchJson() {
        assertError("SELECT rembed_batch('local', '[\"a\", ')", "rembed_batch: argument is not valid JSON");
        assertError("SELECT rembed_batch('local', '{\"a\": 1}')", "expected a JSON array of texts");
        assertError("SELECT rembed_batch('local', '[\"a\", 3]')", "item 1 is number; every item must be a string or null");
    }

    @Test
    void oversizedInput() {
        assertError("SELECT rembed('local', printf('%.2000c', 'x'))", "rembed: text is 2 KiB, over the text limit of 1000 bytes");
        assertError("SELECT rembed_batch('local', json_array('a','b','c','d','e','f'))",
                "array has 6 items; the limit is 5");
        assertError("SELECT rembed_batch('local', json_array('ok', printf('%.2000c', 'x')))",
                "rembed_batch: item 1 is 2 KiB, over the text limit of 1000 bytes; nothing was sent");
    }

    @Test
    void emptyAndNullBatches() throws SQLException {
        assertEquals("[]", scalar(conn, "SELECT rembed_batch('local', '[]')"));
        assertEquals("[null,null]", scalar(conn, "SELECT rembed_batch('local', '[null, null]')"));
        assertNull(scalar(conn, "SELECT rembed_batch('local', NULL)"));
    }

    @Test
    void connectionStaysUsableAfterErrors() throws SQLException {
        wrongTypes();
        malformedBatchJson();
        assertEquals(384 * 4, blob(conn, "SELECT rembed('local', 'fine')").length);
    }
}
