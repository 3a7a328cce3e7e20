package io.github.rembed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/** Connections with a multimodal client pointed at a simulator, and helpers to query them. */
public final class SimSql {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final int DIMS = 8;
    public static final String VISION = "llava:7b";
    public static final String EMBED = "nomic-embed-text";

    private SimSql() {
    }

    /** A registered in-memory connection with client {@code mm} at {@code sim}. */
    public static Connection open(SimulatedProvider sim, int maxConcurrent, int timeoutSec, int batchSize)
            throws SQLException {
        return open(sim.baseUrl(), maxConcurrent, timeoutSec, batchSize);
    }

    public static Connection open(String baseUrl, int maxConcurrent, int timeoutSec, int batchSize)
            throws SQLException {
        Connection conn = DriverManager.getConnection("jdbc:sqlite::memory:");
        Rembed.register(conn);
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('mm', "
                    + "rembed_multimodal_client_options('format', 'ollama', 'url', '" + baseUrl + "', "
                    + "'vision_model', '" + VISION + "', 'embedding_model', '" + EMBED + "', "
                    + "'max_concurrent_requests', " + maxConcurrent + ", 'request_timeout_sec', " + timeoutSec
                    + ", 'batch_size', " + batchSize + "))");
        }
        return conn;
    }

    public static String jsonArray(List<byte[]> images) {
        return "json_array(" + images.stream().map(TestImages::sqlBase64).collect(Collectors.joining(", ")) + ")";
    }

    public static JsonNode concurrent(Connection conn, List<byte[]> images) throws Exception {
        return JSON.readTree(string(conn, "SELECT rembed_images_concurrent('mm', " + jsonArray(images) + ")"));
    }

    public static String string(Connection conn, String sql) throws SQLException {
        return SqlTestSupport.text(conn, sql);
    }

    public static byte[] bytes(Connection conn, String sql) throws SQLException {
        return SqlTestSupport.blob(conn, sql);
    }

    /** Something a test does to a statement from another thread (cancel, close). */
    public interface Action {
        void run() throws Exception;
    }

    /**
     * Runs {@code action} on a new thread once {@code count} requests reached {@code endpoint};
     * a failure of the action is left to the caller's assertions to notice.
     */
    public static Thread once(SimulatedProvider sim, Endpoint endpoint, int count, Action action) {
        return Thread.ofPlatform().start(() -> {
            try {
                while (sim.metrics().requests(endpoint) < count) {
                    Thread.sleep(5);
                }
                action.run();
            } catch (Exception ignored) {
                // the caller's assertions fail if the action never happened
            }
        });
    }

    /** The embedding the simulator serves for this image's caption. */
    public static float[] expected(byte[] image) {
        return SimulatedProvider.vectorFor(EMBED, SimulatedProvider.captionFor(VISION, image), DIMS);
    }
}
