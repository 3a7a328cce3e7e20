package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scripts store results with {@code CREATE [TEMP] TABLE ... AS SELECT rembed...(...)}, which
 * runs the functions while the statement is creating a table: they find their clients all the same.
 */
class CreateTableAsSqlTest {
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(SimSql.DIMS));
    private Connection conn;

    @BeforeEach
    void open() throws Exception {
        conn = sim.multimodalConnection(4, 30, 5);
        SqlTestSupport.addClient(conn, "docs", "'format', 'ollama', 'model', '" + SimSql.EMBED + "', 'url', '"
                + sim.baseUrl() + "'");
        SqlTestSupport.exec(conn, "CREATE TEMP TABLE inputs AS SELECT 'docs' AS client, 'mm' AS images_client, "
                + "json_array(" + TestImages.sqlBase64(TestImages.unique()) + ") AS images");
    }

    @Test
    void textFunctionsRunInsideCreateTempTableAs() throws Exception {
        SqlTestSupport.exec(conn, "CREATE TEMP TABLE out_one AS SELECT rembed(client, 'boats') AS v FROM inputs");
        assertEquals(4 * SimSql.DIMS, SqlTestSupport.scalar(conn, "SELECT length(v) FROM out_one"));
        SqlTestSupport.exec(conn, "CREATE TEMP TABLE out_batch AS SELECT rembed_batch(client, json_array('a', 'b')) AS r "
                + "FROM inputs");
        assertEquals(2, SqlTestSupport.scalar(conn, "SELECT json_array_length(r) FROM out_batch"));
    }

    @Test
    void imageFunctionsRunInsideCreateTableAs() throws Exception {
        SqlTestSupport.exec(conn, "CREATE TEMP TABLE out_seq AS SELECT rembed_batch(images_client, images) AS r FROM inputs");
        assertEquals(1, SqlTestSupport.scalar(conn, "SELECT json_array_length(r) FROM out_seq"));
        SqlTestSupport.exec(conn, "CREATE TABLE out_conc AS SELECT rembed_images_concurrent(images_client, images) AS r "
                + "FROM inputs");
        assertEquals(1, SqlTestSupport.scalar(conn, "SELECT r ->> '$.stats.successful' FROM out_conc"));
    }
}
