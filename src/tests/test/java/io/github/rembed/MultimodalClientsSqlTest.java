package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registering multimodal clients with plain INSERTs, as the concurrent-processing document does. */
class MultimodalClientsSqlTest {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = SqlTestSupport.open();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private void exec(String sql) throws SQLException {
        SqlTestSupport.exec(conn, sql);
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void ollamaMultimodalIsAlwaysThere() throws SQLException {
        assertEquals(List.of("ollama-multimodal"), rows("SELECT name FROM temp.rembed_multimodal_clients"));
    }

    @Test
    void optionsFunctionRefusesUnknownKeys() {
        SQLException e = assertThrows(SQLException.class,
                () -> rows("SELECT rembed_multimodal_client_options('format', 'ollama', 'modle', 'x')"));
        assertTrue(e.getMessage().contains("unknown option 'modle'"), e.getMessage());
        assertTrue(e.getMessage().contains("vision_model"), e.getMessage());
    }

    @Test
    void rangesAreValidatedAtTheInsert() throws SQLException {
        for (String bad : List.of("'max_concurrent_requests', 0", "'max_concurrent_requests', 1000",
                "'request_timeout_sec', -1", "'batch_size', 2.5")) {
            SQLException e = assertThrows(SQLException.class, () -> exec(
                    "INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('x', "
                            + "rembed_multimodal_client_options('format', 'ollama', " + bad + "))"));
            assertTrue(e.getMessage().contains("a whole number from 1 to"), e.getMessage());
        }
        assertEquals(List.of("ollama-multimodal"), rows("SELECT name FROM temp.rembed_multimodal_clients"),
                "a refused row is not kept");
    }

    @Test
    void theLocalModelCannotBeTheVisionSide() {
        SQLException e = assertThrows(SQLException.class, () -> exec(
                "INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('x', "
                        + "rembed_multimodal_client_options('vision_model', 'local::all-minilm-l6-v2'))"));
        assertTrue(e.getMessage().contains("no in-process vision model"), e.getMessage());
    }

    @Test
    void configTableRegistersClientsWithDefaultsForNullColumns() throws Exception {
        exec("INSERT INTO temp.rembed_multimodal_clients_config(name, vision_model, embedding_model, "
                + "max_concurrent_requests, request_timeout_sec, batch_size) VALUES "
                + "('high-performance', 'ollama::llava:7b', 'ollama::nomic-embed-text', 6, 45, 20), "
                + "('defaults', 'ollama::bakllava', NULL, NULL, NULL, NULL)");
        assertEquals(List.of("defaults", "high-performance", "ollama-multimodal"),
                rows("SELECT name FROM temp.rembed_multimodal_clients ORDER BY name"));
        JsonNode hp = SimSql.JSON.readTree(rows(
                "SELECT options FROM temp.rembed_multimodal_clients WHERE name = 'high-performance'").get(0));
        assertEquals(6, hp.get("max_concurrent_requests").asInt());
        JsonNode d = SimSql.JSON.readTree(rows(
                "SELECT options FROM temp.rembed_multimodal_clients WHERE name = 'defaults'").get(0));
        assertEquals(List.of("vision_model"), iterate(d));
        exec("DELETE FROM temp.rembed_multimodal_clients_config WHERE name = 'defaults'");
        assertEquals(List.of("high-performance", "ollama-multimodal"),
                rows("SELECT name FROM temp.rembed_multimodal_clients ORDER BY name"));
    }

    @Test
    void updatingTheConfigTableUpdatesTheClient() throws Exception {
        exec("INSERT INTO temp.rembed_multimodal_clients_config(name, vision_model, max_concurrent_requests)"
                + " VALUES ('hp', 'ollama::llava:7b', 6)");
        exec("UPDATE temp.rembed_multimodal_clients_config SET max_concurrent_requests = 2 WHERE name = 'hp'");
        JsonNode hp = SimSql.JSON.readTree(rows(
                "SELECT options FROM temp.rembed_multimodal_clients WHERE name = 'hp'").get(0));
        assertEquals(2, hp.get("max_concurrent_requests").asInt());
        assertEquals(2 + 10, Rembed.imageClient(conn, "hp").imagesHeld(), "2 concurrent + default batch of 10");

        exec("UPDATE temp.rembed_multimodal_clients_config SET name = 'renamed' WHERE name = 'hp'");
        assertEquals(List.of("ollama-multimodal", "renamed"),
                rows("SELECT name FROM temp.rembed_multimodal_clients ORDER BY name"));
        SQLException e = assertThrows(SQLException.class, () -> exec(
                "UPDATE temp.rembed_multimodal_clients_config SET batch_size = 0 WHERE name = 'renamed'"));
        assertTrue(e.getMessage().contains("batch_size' must be a whole number from 1 to 2048"), e.getMessage());
    }

    private static List<String> iterate(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aMissingServerIsAClearErrorNotAHang() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        int closedPort = port;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Rembed.register(c, RembedConfig.builder()
                    .environment(Map.of("OLLAMA_HOST", "127.0.0.1:" + closedPort)::get).build());
            String sql = "SELECT rembed_images_concurrent('ollama-multimodal', json_array("
                    + TestImages.sqlBase64(TestImages.unique()) + "))";
            JsonNode r = SimSql.JSON.readTree(assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> SimSql.string(c, sql)));
            JsonNode error = r.get("errors").get(0);
            assertEquals("vision", error.get("stage").asText());
            assertTrue(error.get("error").asText().contains("cannot connect to http://127.0.0.1:" + closedPort),
                    error.toString());
            assertTrue(error.get("error").asText().contains("llava:7b"), error.toString());
        }
    }
}
