package io.github.rembed.remote;

import io.github.rembed.Rembed;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Fault;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Run in a JVM with a small heap by {@link SmallHeapTest}: several endless replies at once,
 * then an ordinary statement. Prints one line per outcome; exits 0 when every statement
 * ended with a clear error and the last one worked.
 */
public final class SmallHeapProbe {
    private static final int CALLERS = 4;

    private SmallHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(8).start()) {
            sim.faults().failNext(Endpoint.OLLAMA_EMBED, CALLERS * 3, Fault.endlessBody());
            ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                outcomes.add(pool.submit(() -> embed(sim)));
            }
            for (Future<String> f : outcomes) {
                System.out.println("hostile: " + f.get());
            }
            pool.shutdown();
            sim.faults().clear();
            System.out.println("after: " + embed(sim));
        }
        System.exit(0);
    }

    private static String embed(SimulatedProvider sim) throws SQLException {
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Rembed.register(conn);
            try (Statement s = conn.createStatement()) {
                s.execute("INSERT INTO temp.rembed_clients VALUES ('ol', rembed_client_options('format', 'ollama',"
                        + " 'model', 'm', 'url', '" + sim.baseUrl() + "', 'request_timeout_sec', 30))");
                try (ResultSet rs = s.executeQuery("SELECT length(rembed('ol', 'x'))")) {
                    rs.next();
                    return "bytes " + rs.getInt(1);
                }
            } catch (SQLException e) {
                return "error " + e.getMessage();
            }
        }
    }
}
