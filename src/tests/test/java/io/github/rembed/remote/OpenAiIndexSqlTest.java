package io.github.rembed.remote;

import static io.github.rembed.SqlTestSupport.addClient;
import static io.github.rembed.SqlTestSupport.error;
import static io.github.rembed.SqlTestSupport.exec;
import static io.github.rembed.SqlTestSupport.scalar;
import static io.github.rembed.SqlTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rembed.SimServer;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Fault;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OpenAI-format replies are placed by their {@code index} fields, never by the order items arrive in. */
class OpenAiIndexSqlTest {
    static final int DIMS = 8;
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(DIMS));
    Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = sim.connection();
        addClient(conn, "oa", "'format', 'openai', 'model', 'm', 'url', '" + sim.baseUrl() + "/v1/embeddings'");
        exec(conn, "CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT, embedding BLOB)");
        exec(conn, "INSERT INTO docs(id, body) VALUES (1, 'alpha'), (2, 'beta'), (3, 'gamma')");
    }

    private static byte[] expected(String text) {
        return Vectors.toBlob(SimulatedProvider.vectorFor("m", text, DIMS));
    }

    @Test
    void reorderedItemsGoToTheTextsTheirIndexNames() throws Exception {
        sim.faults().failNext(Endpoint.OPENAI_EMBEDDINGS, 1, Fault.reorderedIndexes());
        JsonNode items = new ObjectMapper().readTree(
                text(conn, "SELECT rembed_batch('oa', (SELECT json_group_array(body) FROM (SELECT body FROM docs ORDER BY id)))"));
        String[] bodies = {"alpha", "beta", "gamma"};
        for (int i = 0; i < bodies.length; i++) {
            assertArrayEquals(expected(bodies[i]), Base64.getDecoder().decode(items.get(i).asText()), bodies[i]);
        }
    }

    @Test
    void aReplyWithARepeatedIndexIsRefusedAndNothingIsStored() throws SQLException {
        sim.faults().failNext(Endpoint.OPENAI_EMBEDDINGS, 1, Fault.duplicateIndex());
        String msg = error(conn, "UPDATE docs SET embedding = (SELECT base64_decode(value) FROM json_each("
                + "rembed_batch('oa', (SELECT json_group_array(body) FROM (SELECT body FROM docs ORDER BY id)))) "
                + "WHERE key = docs.id - 1)");
        assertTrue(msg.contains("rembed_batch: openai model 'm'"), msg);
        assertTrue(msg.contains("malformed reply: index 0 appears twice"), msg);
        assertEquals(0L, ((Number) scalar(conn, "SELECT count(embedding) FROM docs")).longValue());
    }
}
