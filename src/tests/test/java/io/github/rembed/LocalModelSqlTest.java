package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.internal.embed.Vectors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The offline default: the in-process MiniLM model through real SQL. */
class LocalModelSqlTest {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = SqlTestSupport.open();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private byte[] blob(String sql) throws SQLException {
        return SqlTestSupport.blob(conn, sql);
    }

    @Test
    void rembedReturns384Float32LittleEndian() throws SQLException {
        byte[] blob = blob("SELECT rembed('all-minilm-l6-v2', 'hello')");
        assertEquals(384 * 4, blob.length);
        float[] v = Vectors.fromBlob(blob);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertEquals(1.0, Math.sqrt(norm), 1e-3, "MiniLM vectors are normalized");
    }

    @Test
    void aliasLocalGivesTheSameVector() throws SQLException {
        assertArrayEquals(blob("SELECT rembed('all-minilm-l6-v2', 'same text')"),
                blob("SELECT rembed('local', 'same text')"));
    }

    @Test
    void similarTextsAreCloserThanUnrelatedOnes() throws SQLException {
        float[] cat = Vectors.fromBlob(blob("SELECT rembed('local', 'a cat sits on the mat')"));
        float[] kitten = Vectors.fromBlob(blob("SELECT rembed('local', 'a kitten is sitting on a rug')"));
        float[] stocks = Vectors.fromBlob(blob("SELECT rembed('local', 'quarterly stock market earnings report')"));
        assertTrue(dot(cat, kitten) > dot(cat, stocks) + 0.2);
    }

    @Test
    void batchKeepsOrderAndMatchesSingleCalls() throws Exception {
        String json = SqlTestSupport.text(conn, "SELECT rembed_batch('local', json_array('first', NULL, 'second'))");
        var items = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals(3, items.size());
        assertTrue(items.get(1).isNull());
        assertArrayEquals(blob("SELECT rembed('local', 'first')"), Base64.getDecoder().decode(items.get(0).asText()));
        assertArrayEquals(blob("SELECT rembed('local', 'second')"), Base64.getDecoder().decode(items.get(2).asText()));
    }

    @Test
    void nullTextGivesNull() throws SQLException {
        assertNull(blob("SELECT rembed('local', NULL)"));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
