package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.simulator.SimulatedProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteDataSource;

/** The README's pool recipe: HikariCP (and Spring's JdbcTemplate) over rembed, clients from the configuration. */
class PoolRecipeTest {
    static final int DIMS = 8;
    static final String KEY = "sk-typed-client-0001";
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(DIMS));
    @TempDir
    Path dir;

    private RembedConfig config() {
        return RembedConfig.builder()
                .client("docs", "{\"format\":\"ollama\",\"model\":\"nomic-embed-text\",\"url\":\"" + sim.baseUrl() + "\"}")
                .client("typed", TextClient.builder(Provider.OPENAI).model("text-embedding-3-small")
                        .url(sim.baseUrl() + "/v1").key(KEY).batchSize(16))
                .multimodalClient("pictures", "{\"format\":\"ollama\",\"url\":\"" + sim.baseUrl() + "\"}")
                .build();
    }

    private HikariDataSource hikari(int size) {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
        HikariConfig c = new HikariConfig();
        c.setDataSource(sqlite);
        c.setMaximumPoolSize(size);
        c.setPoolName("rembed-test");
        return new HikariDataSource(c);
    }

    private static int count(Connection c, String sql) throws SQLException {
        return ((Number) SqlTestSupport.scalar(c, sql)).intValue();
    }

    private static byte[] expected(String model, String text) {
        return Vectors.toBlob(SimulatedProvider.vectorFor(model, text, DIMS));
    }

    @Test
    void everyPooledConnectionHasTheConfigurationsClients() throws SQLException {
        try (HikariDataSource pool = hikari(3)) {
            DataSource ds = Rembed.dataSource(pool, config());
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    held.add(ds.getConnection()); // held at once: three physical connections
                }
                for (Connection c : held) {
                    assertEquals("all-minilm-l6-v2,docs,local,typed", SqlTestSupport.clientNames(c));
                    assertEquals("pictures", SqlTestSupport.text(c,
                            "SELECT name FROM temp.rembed_multimodal_clients WHERE name = 'pictures'"));
                    assertArrayEquals(expected("nomic-embed-text", "pooled"),
                            SqlTestSupport.blob(c, "SELECT rembed('docs', 'pooled')"));
                    assertArrayEquals(expected("text-embedding-3-small", "typed"),
                            SqlTestSupport.blob(c, "SELECT rembed('typed', 'typed')"));
                }
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
            // Borrowed again and again: still one row per client, and the functions work.
            for (int i = 0; i < 20; i++) {
                try (Connection c = ds.getConnection()) {
                    assertEquals(1, count(c, "SELECT count(*) FROM temp.rembed_clients WHERE name = 'docs'"));
                    assertEquals(2, count(c, "SELECT json_array_length(rembed_batch('docs', json_array('a', 'b')))"));
                }
            }
        }
    }

    @Test
    void registeringAgainWithAnotherConfigurationAddsItsClients() throws SQLException {
        try (Connection c = SqlTestSupport.open(config())) {
            Rembed.register(c, config()); // equal configuration: nothing to do, nothing doubled
            assertEquals(1, count(c, "SELECT count(*) FROM temp.rembed_clients WHERE name = 'typed'"));
            Rembed.register(c, config().toBuilder().client("more", "{\"format\":\"ollama\",\"model\":\"m2\","
                    + "\"url\":\"" + sim.baseUrl() + "\"}").build());
            assertEquals("all-minilm-l6-v2,docs,local,more,typed", SqlTestSupport.clientNames(c));
            assertArrayEquals(expected("m2", "x"), SqlTestSupport.blob(c, "SELECT rembed('more', 'x')"));
        }
    }

    @Test
    void springJdbcTemplateOverThePool() {
        try (HikariDataSource pool = hikari(2)) {
            JdbcTemplate jdbc = new JdbcTemplate(Rembed.dataSource(pool, config()));
            jdbc.execute("CREATE TABLE IF NOT EXISTS docs(id INTEGER PRIMARY KEY, body TEXT, embedding BLOB)");
            jdbc.update("INSERT INTO docs(body, embedding) VALUES (?, rembed('docs', ?))", "spring", "spring");
            byte[] stored = jdbc.queryForObject("SELECT embedding FROM docs WHERE body = ?", byte[].class, "spring");
            assertArrayEquals(expected("nomic-embed-text", "spring"), stored);
        }
    }

    @Test
    void aTypedClientsRowHoldsOnlyWhatWasSet() {
        RembedConfig withEnvironmentKey = RembedConfig.builder()
                .environment(Map.of("OPENAI_API_KEY", "sk-from-environment-0002")::get)
                .client("oa", TextClient.builder(Provider.OPENAI).model("text-embedding-3-small"))
                .build();
        String options = withEnvironmentKey.clients().get(0).options();
        assertEquals("{\"format\":\"openai\",\"model\":\"text-embedding-3-small\"}", options);
        assertTrue(config().clients().get(1).options().contains(KEY), "a key set in Java is the row's key");
        assertFalse(config().toString().contains(KEY), config().toString());
    }

    @Test
    void badClientsFailWhenTheConfigurationIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RembedConfig.builder().client("docs", "no-such-provider::m").build());
        assertTrue(e.getMessage().contains("client 'docs'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RembedConfig.builder().client("docs", "local").client("docs", "local").build());
        assertTrue(e.getMessage().contains("client 'docs' is given twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RembedConfig.builder()
                .client("slow", TextClient.builder(Provider.OLLAMA).model("m")
                        .requestTimeout(java.time.Duration.ofMillis(1500))));
        assertTrue(e.getMessage().contains("whole seconds"), e.getMessage());
    }

    /** {@code ./rembed --test} passes the sqlite-vec library it fetched; without it this test is skipped. */
    @Test
    void sqliteVecIsLoadedIntoEveryPooledConnection() throws SQLException {
        String vec = System.getProperty("rembed.sqliteVec");
        assumeTrue(vec != null && !vec.isBlank(), "rembed.sqliteVec is not set (./rembed --test sets it)");
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("vec.db"));
        sqlite.setLoadExtension(true);
        HikariConfig c = new HikariConfig();
        c.setDataSource(sqlite);
        c.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(c)) {
            DataSource ds = Rembed.dataSource(pool, config().toBuilder().loadExtension(Path.of(vec)).build());
            try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
                SqlTestSupport.exec(a, "CREATE VIRTUAL TABLE v USING vec0(embedding float[" + DIMS + "])");
                SqlTestSupport.exec(a, "INSERT INTO v(rowid, embedding) VALUES (1, rembed('docs', 'one')), "
                        + "(2, rembed('docs', 'two'))");
                assertEquals(2, ((Number) SqlTestSupport.scalar(b, "SELECT rowid FROM v "
                        + "WHERE embedding MATCH rembed('docs', 'two') AND k = 1")).intValue());
                assertEquals(DIMS, ((Number) SqlTestSupport.scalar(b, "SELECT vec_length(rembed('docs', 'x'))"))
                        .intValue());
            }
        }
    }

    @Test
    void anExtensionOnAConnectionThatRefusesExtensionsSaysHowToAllowThem() throws SQLException {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite::memory:");
        DataSource ds = Rembed.dataSource(sqlite, RembedConfig.builder().loadExtension(Path.of("/no/such/vec0")).build());
        RembedException e = assertThrows(RembedException.class, ds::getConnection);
        assertTrue(e.getMessage().contains("cannot load extension /no/such/vec0"), e.getMessage());
        assertTrue(e.getMessage().contains("SQLiteDataSource.setLoadExtension(true)"), e.getMessage());
    }
}
