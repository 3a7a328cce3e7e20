package io.github.rembed.internal.sql;

import static io.github.rembed.SqlTestSupport.error;
import static io.github.rembed.SqlTestSupport.exec;
import static io.github.rembed.SqlTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rembed.ItemResult;
import io.github.rembed.Rembed;
import io.github.rembed.RembedConfig;
import io.github.rembed.SimServer;
import io.github.rembed.Stage;
import io.github.rembed.TextClient;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Text batches with an unfit item: an error naming its index before any request, or a result per item when asked. */
class BatchItemErrorsSqlTest {
    static final int DIMS = 8;
    static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(DIMS));
    Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = sim.connection(RembedConfig.builder().client("docs", options()).build());
    }

    private static String options() {
        return "{\"format\":\"ollama\",\"model\":\"nomic-embed-text\",\"url\":\"" + sim.baseUrl() + "\",\"batch_size\":2}";
    }

    private static long requests() {
        return sim.metrics().requests(Endpoint.OLLAMA_EMBED);
    }

    private static float[] expected(String text) {
        return SimulatedProvider.vectorFor("nomic-embed-text", text, DIMS);
    }

    @Test
    void anEmptyOrBlankItemIsNamedByIndexAndNothingIsSent() {
        String msg = error(conn, "SELECT rembed_batch('docs', json_array('a', 'b', NULL, '', 'c'))");
        assertTrue(msg.contains("rembed_batch: item 3 is empty; nothing was sent"), msg);
        msg = error(conn, "SELECT rembed_batch('docs', json_array('a', '  ', 'c', char(9), ''))");
        assertTrue(msg.contains("rembed_batch: item 1 is blank (whitespace only) (and 2 more unfit items)"), msg);
        assertEquals(0, requests());
    }

    @Test
    void anOversizedItemIsNamedWithItsSizeAndTheLimit() {
        String msg = error(conn, "SELECT rembed_batch('docs', json_array('a', 'b', 'c', 'd', 'e', 'f', 'g', "
                + "printf('%.*c', 2 * 1024 * 1024, 'x')))");
        assertTrue(msg.contains("rembed_batch: item 7 is 2 MiB, over the text limit of 1 MiB; nothing was sent"), msg);
        assertEquals(0, requests());
    }

    @Test
    void perItemErrorsGiveEveryGoodItemItsVector() throws Exception {
        JsonNode r = JSON.readTree(text(conn, "SELECT rembed_batch('docs', json_array('a', '', NULL, 'b', 'c'), "
                + "json_object('per_item_errors', json('true')))"));
        JsonNode embeddings = r.get("embeddings");
        assertEquals(5, embeddings.size());
        assertArrayEquals(expected("a"), vector(embeddings.get(0)));
        assertTrue(embeddings.get(1).isNull());
        assertTrue(embeddings.get(2).isNull(), "a NULL item stays NULL, with no error");
        assertArrayEquals(expected("b"), vector(embeddings.get(3)));
        assertArrayEquals(expected("c"), vector(embeddings.get(4)));
        assertEquals(1, r.get("errors").size());
        JsonNode e = r.get("errors").get(0);
        assertEquals(1, e.get("index").asInt());
        assertEquals("input", e.get("stage").asText());
        assertEquals("text is empty", e.get("error").asText());
        JsonNode stats = r.get("stats");
        assertEquals(3, stats.get("successful").asInt());
        assertEquals(1, stats.get("failed").asInt());
        assertEquals(1, stats.get("skipped").asInt());
        assertEquals(2, requests(), "a, b, c in batches of two");
    }

    @Test
    void aBatchRefusedForItsContentFailsOnlyTheCulprit() throws Exception {
        // (a, b) is refused for a's content, then a and b go alone: a is refused, b embedded; c is untouched.
        JsonNode r = JSON.readTree(text(conn, "SELECT rembed_batch('docs', json_array('a FAULT:400', 'b', 'c'), "
                + "'{\"per_item_errors\": 1}')"));
        assertTrue(r.get("embeddings").get(0).isNull());
        assertArrayEquals(expected("b"), vector(r.get("embeddings").get(1)));
        assertArrayEquals(expected("c"), vector(r.get("embeddings").get(2)));
        JsonNode e = r.get("errors").get(0);
        assertEquals(0, e.get("index").asInt());
        assertEquals("embedding", e.get("stage").asText());
        assertTrue(e.get("error").asText().contains("400"), e.toString());
        assertEquals(1, r.get("errors").size());
        assertEquals(1, r.get("stats").get("failed").asInt());
        assertEquals(4, requests(), "(a, b), (c), then (a) and (b) alone");
    }

    @Test
    void theOptionsObjectCarriesTheInputTypeAndIsChecked() throws SQLException {
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('n', rembed_client_options('format', "
                + "'nomic', 'model', 'nomic-embed-text-v1.5', 'url', '" + sim.baseUrl() + "/v1/embedding/text'))");
        String plain = text(conn, "SELECT rembed_batch('n', json_array('q'), 'search_query')");
        String viaOptions = text(conn, "SELECT json_extract(rembed_batch('n', json_array('q'), "
                + "'{\"input_type\":\"search_query\",\"per_item_errors\":true}'), '$.embeddings')");
        assertEquals(plain, viaOptions);
        String msg = error(conn, "SELECT rembed_batch('docs', json_array('a'), '{\"per_item\": true}')");
        assertTrue(msg.contains("rembed_batch: unknown option 'per_item'; expected input_type or per_item_errors"), msg);
        msg = error(conn, "SELECT rembed_batch('docs', json_array('a'), '{\"per_item_errors\": \"yes\"}')");
        assertTrue(msg.contains("option 'per_item_errors' must be true or false"), msg);
    }

    @Test
    void javaEmbedAllNamesTheIndexAndEmbedEachGivesAResultPerItem() {
        TextClient client = Rembed.textClient("docs", options());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.embedAll(List.of("a", "b", " ")));
        assertEquals("texts: item 2 is blank (whitespace only); nothing was sent", e.getMessage());
        assertEquals(0, requests());

        List<String> texts = new ArrayList<>(List.of("a", "", "b"));
        texts.add(null);
        List<ItemResult> results = client.embedEach(texts);
        assertArrayEquals(expected("a"), ((ItemResult.Embedded) results.get(0)).vector());
        assertEquals(new ItemResult.Failed(1, Stage.INPUT, "text is empty"), results.get(1));
        assertArrayEquals(expected("b"), ((ItemResult.Embedded) results.get(2)).vector());
        assertEquals(new ItemResult.Failed(3, Stage.INPUT, "text is null"), results.get(3));
        assertEquals(1, requests());
    }

    private static float[] vector(JsonNode base64) {
        return Vectors.fromBlob(Base64.getDecoder().decode(base64.asText()));
    }
}
