package io.github.rembed.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.rembed.Rembed;
import io.github.rembed.RembedConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.sqlite.SQLiteDataSource;

/**
 * What a borrow from a HikariCP pool costs with rembed: the bare pool, the pool wrapped by
 * {@code Rembed.dataSource} (registration checked on every borrow), and the pool built over
 * {@code Rembed.dataSource} (registration once per physical connection). A borrow is
 * {@code getConnection()}, one {@code SELECT 1}, then {@code close()}, back to the pool.
 */
final class PoolBench {
    private static final int ROUNDS = 5;
    private static final int BORROWS = 20_000;

    private PoolBench() {
    }

    static Table run() throws Exception {
        RembedConfig config = RembedConfig.builder().client("docs", "ollama::nomic-embed-text").build();
        Table t = new Table("Borrowing a connection from HikariCP (pool of 2, " + BORROWS + " borrows of one SELECT 1 per round)",
                "data source", "per borrow", "rembed's share");
        try (HikariDataSource bare = pool(sqlite())) {
            double floor = best(bare);
            t.row("HikariCP over SQLiteDataSource (floor)", micros(floor), "-");
            try (HikariDataSource pool = pool(sqlite())) {
                double wrapped = best(Rembed.dataSource(pool, config));
                t.row("Rembed.dataSource(hikari, config): checked on each borrow", micros(wrapped),
                        micros(wrapped - floor));
            }
            try (HikariDataSource inner = pool(Rembed.dataSource(sqlite(), config))) {
                double once = best(inner);
                t.row("HikariCP over Rembed.dataSource(sqlite, config): once per connection", micros(once),
                        micros(once - floor));
            }
        }
        t.note("best of " + ROUNDS + " rounds after a warm-up round; the config carries one client, so every "
                + "connection has it");
        return t;
    }

    private static SQLiteDataSource sqlite() {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite::memory:");
        return ds;
    }

    private static HikariDataSource pool(DataSource source) {
        HikariConfig c = new HikariConfig();
        c.setDataSource(source);
        c.setMaximumPoolSize(2);
        c.setPoolName("bench");
        return new HikariDataSource(c);
    }

    /** Best mean seconds per borrow. */
    private static double best(DataSource ds) throws SQLException {
        double best = Double.MAX_VALUE;
        for (int round = -1; round < ROUNDS; round++) { // round -1 warms the JIT
            long t0 = System.nanoTime();
            for (int i = 0; i < BORROWS; i++) {
                try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT 1")) {
                    rs.next();
                }
            }
            if (round >= 0) {
                best = Math.min(best, (System.nanoTime() - t0) / 1e9 / BORROWS);
            }
        }
        return best;
    }

    private static String micros(double seconds) {
        return Table.num(seconds * 1e6, 1) + " us";
    }
}
