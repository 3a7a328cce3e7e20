package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rembed.internal.embed.Vectors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Images are accepted up to the file size limit wherever they come from; a larger one fails
 * only its own item.
 */
class LargeImagesSqlTest {
    @RegisterExtension
    final SimServer sim = new SimServer(b -> b.embeddingDimensions(SimSql.DIMS));

    /** A unique PNG padded to {@code bytes}. */
    private static byte[] pngOf(int bytes) {
        byte[] png = TestImages.unique();
        byte[] out = Arrays.copyOf(png, bytes);
        Arrays.fill(out, png.length, bytes, (byte) 'x');
        return out;
    }

    private static JsonNode concurrent(Connection conn, List<byte[]> images) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (byte[] image : images) {
            json.append(json.length() > 1 ? "," : "").append('"').append(Base64.getEncoder().encodeToString(image))
                    .append('"');
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT rembed_images_concurrent('mm', ?)")) {
            ps.setString(1, json.append(']').toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return SimSql.JSON.readTree(rs.getString(1));
            }
        }
    }

    @Test
    void anImageOverFourteenMebibytesIsAnOrdinaryItem() throws Exception {
        byte[] big = pngOf(15 << 20);
        byte[] small = TestImages.unique();
        try (Connection conn = SimSql.open(sim.baseUrl(), 2, 60, 4)) {
            JsonNode r = concurrent(conn, List.of(big, small));
            assertEquals(2, r.get("stats").get("successful").asInt(), r.get("errors").toString());
            assertArrayEquals(SimSql.expected(big), Vectors.fromBlob(Base64.getDecoder().decode(
                    r.get("embeddings").get(0).asText())));
        }
    }

    @Test
    void anImageOverTheLimitFailsOnlyItsItem() throws Exception {
        RembedConfig config = RembedConfig.builder().maxFileBytes(1 << 20).build();
        try (Connection conn = SqlTestSupport.open(config)) {
            SqlTestSupport.exec(conn, "INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('mm', "
                    + "rembed_multimodal_client_options('url', '" + sim.baseUrl() + "'))");
            JsonNode r = concurrent(conn, List.of(TestImages.unique(), pngOf((1 << 20) + 1)));
            assertEquals(1, r.get("stats").get("successful").asInt(), r.toString());
            JsonNode error = r.get("errors").get(0);
            assertEquals(1, error.get("index").asInt());
            assertEquals("input", error.get("stage").asText());
            assertEquals("image of 1048577 bytes is larger than the 1048576-byte limit", error.get("error").asText());
            try (PreparedStatement ps = conn.prepareStatement("SELECT rembed_image('mm', ?)")) {
                ps.setBytes(1, pngOf((1 << 20) + 1));
                String msg = assertThrows(SQLException.class, ps::executeQuery).getMessage();
                assertTrue(msg.contains("rembed_image: image of 1048577 bytes is larger than the 1048576-byte limit"),
                        msg);
            }
        }
    }

    @Test
    void textAfterTheJsonArrayIsAnError() throws Exception {
        try (Connection conn = SimSql.open(sim.baseUrl(), 2, 60, 4)) {
            String msg = SqlTestSupport.error(conn, "SELECT rembed_batch('local', '[\"a\"] [\"b\"]')");
            assertTrue(msg.contains("rembed_batch: argument is not valid JSON: text after the end of the array"), msg);
            msg = SqlTestSupport.error(conn, "SELECT rembed_images_concurrent('mm', json_array("
                    + TestImages.sqlBase64(TestImages.unique()) + ") || 'junk')");
            assertTrue(msg.contains("rembed_images_concurrent: argument is not valid JSON: text after the end of the"
                    + " array"), msg);
        }
    }
}
