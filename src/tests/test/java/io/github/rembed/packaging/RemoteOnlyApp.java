package io.github.rembed.packaging;

import io.github.rembed.Rembed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A remote-only application: the library without the in-process model. Run in its own JVM by
 * {@link RemoteOnlyClasspathTest}; prints one line per check.
 */
public final class RemoteOnlyApp {
    private RemoteOnlyApp() {
    }

    public static void main(String[] args) throws SQLException {
        String simulator = args[0];
        System.out.println("model class present: " + present(
                "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel"));
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement s = conn.createStatement()) {
            Rembed.register(conn);
            s.executeUpdate("INSERT INTO temp.rembed_clients(name, options) VALUES ('remote', rembed_client_options("
                    + "'format', 'openai', 'model', 'text-embedding-3-small', 'url', '" + simulator + "/v1'))");
            try (ResultSet rs = s.executeQuery("SELECT length(rembed('remote', 'hello'))")) {
                rs.next();
                System.out.println("remote bytes: " + rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT rembed('local', 'hello')")) {
                rs.next();
                System.out.println("local: worked");
            } catch (SQLException e) {
                System.out.println("local: " + e.getMessage());
            }
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, RemoteOnlyApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
