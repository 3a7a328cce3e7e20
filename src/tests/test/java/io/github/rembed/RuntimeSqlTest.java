package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@link RembedRuntime} owns what calls share: connections and clients made with one share
 * its server limits, caches and HTTP client, and nothing of another runtime's.
 */
class RuntimeSqlTest {
    private SimulatedProvider sim;

    @BeforeEach
    void start() {
        sim = SimulatedProvider.builder().embeddingDimensions(SimSql.DIMS).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private RembedConfig config(RembedRuntime runtime) {
        return RembedConfig.builder().runtime(runtime)
                .client("docs", "{\"format\":\"ollama\",\"model\":\"" + SimSql.EMBED + "\",\"url\":\"" + sim.baseUrl()
                        + "\"}")
                .multimodalClient("mm", "{\"format\":\"ollama\",\"url\":\"" + sim.baseUrl() + "\",\"vision_model\":\""
                        + SimSql.VISION + "\",\"embedding_model\":\"" + SimSql.EMBED + "\"}")
                .build();
    }

    private long visionRequestsForOneImageTwice(RembedRuntime runtime) throws Exception {
        byte[] image = TestImages.unique();
        sim.metrics().reset();
        try (Connection conn = SqlTestSupport.open(config(runtime))) {
            for (int call = 0; call < 2; call++) {
                String stats = SqlTestSupport.text(conn, "SELECT rembed_images_concurrent('mm', json_array("
                        + TestImages.sqlBase64(image) + "))");
                assertTrue(stats.contains("\"successful\":1"), stats);
            }
        }
        return sim.metrics().requests(Endpoint.OLLAMA_CHAT);
    }

    @Test
    void eachRuntimeListsOnlyTheServersItsOwnCallsUsed() throws Exception {
        try (RembedRuntime a = RembedRuntime.builder().build(); RembedRuntime b = RembedRuntime.builder().build();
             Connection onA = SqlTestSupport.open(config(a)); Connection onB = SqlTestSupport.open(config(b))) {
            assertNotNull(SqlTestSupport.blob(onA, "SELECT rembed('docs', 'boats')"));
            assertTrue(SqlTestSupport.text(onA, "SELECT rembed_debug()").contains(sim.baseUrl()),
                    "the runtime that called the server lists it");
            String other = SqlTestSupport.text(onB, "SELECT rembed_debug()");
            assertTrue(other.contains("Endpoints: none used yet"), other);
        }
    }

    @Test
    void theCacheSizesOfARuntimeDecideWhetherAnImageSeenAgainCostsARequest() throws Exception {
        try (RembedRuntime caching = RembedRuntime.builder().build()) {
            assertEquals(1L, visionRequestsForOneImageTwice(caching), "the second call's caption comes from the cache");
            assertTrue(caching.cachedBytes() > 0);
            caching.clearCaches();
            assertEquals(0, caching.cachedBytes());
        }
        try (RembedRuntime noCache = RembedRuntime.builder().captionCacheBytes(0).embeddingCacheBytes(0).build()) {
            assertEquals(2L, visionRequestsForOneImageTwice(noCache), "without a caption cache each call asks again");
        }
    }

    @Test
    void aClosedRuntimeFailsItsCallsClearlyAndLeavesOtherRuntimesWorking() throws Exception {
        RembedRuntime closing = RembedRuntime.builder().build();
        try (RembedRuntime other = RembedRuntime.builder().build();
             Connection onClosing = SqlTestSupport.open(config(closing));
             Connection onOther = SqlTestSupport.open(config(other))) {
            TextClient client = TextClient.builder(Provider.OLLAMA).model(SimSql.EMBED).url(sim.baseUrl())
                    .config(config(closing)).build();
            assertEquals(SimSql.DIMS, client.embed("before").length);
            TextClient local = TextClient.builder(Provider.LOCAL).config(config(closing)).build();
            assertEquals(384, local.embed("before").length);
            assertNotNull(SqlTestSupport.blob(onClosing, "SELECT rembed('docs', 'before')"));

            closing.close();
            closing.close(); // a second close does nothing

            String sqlError = SqlTestSupport.error(onClosing, "SELECT rembed('docs', 'after')");
            assertTrue(sqlError.contains("runtime is closed"), sqlError);
            RembedException javaError = assertThrows(RembedException.class, () -> client.embed("after"));
            assertTrue(javaError.getMessage().contains("runtime is closed"), javaError.getMessage());
            RembedException localError = assertThrows(RembedException.class, () -> local.embed("after"));
            assertTrue(localError.getMessage().contains("runtime is closed"), localError.getMessage());
            assertEquals(0, closing.activeWorkers(), "no worker left behind");
            assertNotNull(SqlTestSupport.blob(onOther, "SELECT rembed('docs', 'after')"), "another runtime still works");
        }
    }

    @Test
    void theSharedRuntimeServesConfigurationsThatNameNoneAndCannotBeClosed() {
        assertEquals(RembedRuntime.shared(), RembedConfig.defaults().runtime());
        assertThrows(UnsupportedOperationException.class, () -> RembedRuntime.shared().close());
    }

    @Test
    void builderSettingsAreCheckedAndNamed() {
        IllegalArgumentException clients = assertThrows(IllegalArgumentException.class,
                () -> RembedRuntime.builder().maxClients(0));
        assertTrue(clients.getMessage().contains("maxClients"), clients.getMessage());
        IllegalArgumentException bytes = assertThrows(IllegalArgumentException.class,
                () -> RembedRuntime.builder().captionCacheBytes(-1));
        assertTrue(bytes.getMessage().contains("captionCacheBytes"), bytes.getMessage());
    }
}
