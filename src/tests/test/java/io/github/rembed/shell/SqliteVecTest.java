package io.github.rembed.shell;

import static io.github.rembed.SqlTestSupport.blob;
import static io.github.rembed.SqlTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rembed.internal.embed.Vectors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our embedding BLOBs read by the real sqlite-vec. {@code ./rembed --test} fetches it and
 * passes its path as {@code -Drembed.sqliteVec}; without that property the test is skipped.
 */
class SqliteVecTest {
    private static final List<String> DOCS = List.of(
            "Simmer the tomato sauce with garlic and basil.",
            "The telescope observes distant galaxies.",
            "Brush long-haired dogs every week.",
            "Central banks raise interest rates to slow inflation.");
    private static final String QUERY = "how do I make pasta sauce?";

    @Test
    void vec0AndVecDistanceCosineAgreeWithJava() throws Exception {
        String vec = System.getProperty("rembed.sqliteVec");
        assumeTrue(vec != null && !vec.isBlank(), "rembed.sqliteVec is not set (./rembed --test sets it)");
        try (Connection conn = Shell.open(":memory:", Path.of("").toAbsolutePath());
             Statement s = conn.createStatement()) {
            s.execute("SELECT load_extension('" + vec.replace("'", "''") + "')");
            assertEquals(384, single(conn, "SELECT vec_length(rembed('all-minilm-l6-v2', 'hello'))"));

            s.execute("CREATE VIRTUAL TABLE v USING vec0(embedding float[384] distance_metric=cosine)");
            List<float[]> vectors = new ArrayList<>();
            try (PreparedStatement ins = conn.prepareStatement(
                    "INSERT INTO v(rowid, embedding) VALUES (?, rembed('local', ?)) RETURNING embedding")) {
                for (int i = 0; i < DOCS.size(); i++) {
                    ins.setInt(1, i + 1);
                    ins.setString(2, DOCS.get(i));
                    try (ResultSet rs = ins.executeQuery()) {
                        rs.next();
                        vectors.add(Vectors.fromBlob(rs.getBytes(1)));
                    }
                }
            }
            float[] query = Vectors.fromBlob(blob(conn, "SELECT rembed('local', '" + QUERY + "')"));

            try (PreparedStatement knn = conn.prepareStatement("SELECT rowid, distance FROM v "
                    + "WHERE embedding MATCH rembed('local', ?) AND k = 4 ORDER BY distance")) {
                knn.setString(1, QUERY);
                try (ResultSet rs = knn.executeQuery()) {
                    double previous = -1;
                    int rows = 0;
                    while (rs.next()) {
                        int id = rs.getInt(1);
                        double distance = rs.getDouble(2);
                        assertEquals(cosineDistance(query, vectors.get(id - 1)), distance, 1e-4, "row " + id);
                        assertEquals(true, distance >= previous, "ordered by distance");
                        previous = distance;
                        if (rows++ == 0) {
                            assertEquals(1, id, "the sauce document is nearest to a sauce question");
                        }
                    }
                    assertEquals(4, rows);
                }
            }
            for (int i = 0; i < DOCS.size(); i++) {
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT vec_distance_cosine(rembed('local', ?), rembed('local', ?))")) {
                    ps.setString(1, QUERY);
                    ps.setString(2, DOCS.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertEquals(cosineDistance(query, vectors.get(i)), rs.getDouble(1), 1e-4);
                    }
                }
            }
        }
    }

    private static double cosineDistance(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return 1 - dot / Math.sqrt(na * nb);
    }

    private static int single(Connection conn, String sql) throws SQLException {
        return ((Number) scalar(conn, sql)).intValue();
    }
}
