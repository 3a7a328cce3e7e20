package io.github.rembed.internal.sql;

import static io.github.rembed.SqlTestSupport.error;
import static io.github.rembed.SqlTestSupport.exec;
import static io.github.rembed.SqlTestSupport.scalar;
import static io.github.rembed.SqlTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.Rembed;
import io.github.rembed.SqlTestSupport;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registering clients with plain INSERT / DELETE, as sqlite-rembed users do. */
class ClientTablesSqlTest {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = SqlTestSupport.open();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private String names() throws SQLException {
        return SqlTestSupport.clientNames(conn);
    }

    @Test
    void builtinsAreListed() throws SQLException {
        assertEquals("all-minilm-l6-v2,local", names());
    }

    @Test
    void insertRegistersAndDeleteRemoves() throws SQLException {
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('nomic', 'ollama::nomic-embed-text')");
        assertEquals("all-minilm-l6-v2,local,nomic", names());
        exec(conn, "DELETE FROM temp.rembed_clients WHERE name = 'nomic'");
        assertEquals("all-minilm-l6-v2,local", names());
        String msg = error(conn, "SELECT rembed('nomic', 'x')");
        assertTrue(msg.contains("rembed: client 'nomic' was not registered; registered clients: all-minilm-l6-v2, local"), msg);
    }

    @Test
    void reinsertingANameReplacesIt() throws SQLException {
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('c', 'ollama::first')");
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('c', 'local')");
        assertEquals(1L, ((Number) scalar(conn, "SELECT count(*) FROM temp.rembed_clients WHERE name = 'c'")).longValue());
        assertEquals("local", text(conn, "SELECT options FROM temp.rembed_clients WHERE name = 'c'"));
        // 'c' now is the local model, so it works offline
        assertEquals(384 * 4, SqlTestSupport.blob(conn, "SELECT rembed('c', 'hello')").length);
    }

    @Test
    void updateChangesTheClient() throws SQLException {
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('c', 'ollama::first')");
        exec(conn, "UPDATE temp.rembed_clients SET name = 'd', options = 'local' WHERE name = 'c'");
        assertEquals(384 * 4, SqlTestSupport.blob(conn, "SELECT rembed('d', 'hello')").length);
        assertTrue(error(conn, "SELECT rembed('c', 'hello')").contains("client 'c' was not registered"));
    }

    @Test
    void clientOptionsFunctionBuildsRowsTheTableAccepts() throws SQLException {
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('custom', rembed_client_options("
                + "'format', 'openai', 'model', 'm', 'url', 'http://127.0.0.1:9/v1/embeddings', 'key', 'sk-abc123456',"
                + " 'batch_size', 16))");
        assertTrue(names().contains("custom"));
    }

    @Test
    void badRowsFailTheirInsertClearlyAndLeaveNothingBehind() throws SQLException {
        String msg = error(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('x', 'cohear')");
        assertTrue(msg.contains("temp.rembed_clients: client 'x': unknown provider 'cohear'"), msg);
        assertEquals("all-minilm-l6-v2,local", names());
        msg = error(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('x', NULL)");
        assertTrue(msg.contains("options are empty"), msg);
        msg = error(conn, "SELECT rembed_client_options('format', 'openai', 'model')");
        assertTrue(msg.contains("rembed_client_options: expected key/value pairs"), msg);
        msg = error(conn, "SELECT rembed_client_options('formt', 'openai')");
        assertTrue(msg.contains("unknown option 'formt'; expected one of format, model, url, key, batch_size"), msg);
        // the connection is still fine
        assertEquals(384 * 4, SqlTestSupport.blob(conn, "SELECT rembed('local', 'still works')").length);
    }

    @Test
    void registeringTwiceKeepsClients() throws SQLException {
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('kept', 'local')");
        Rembed.register(conn);
        assertEquals("all-minilm-l6-v2,kept,local", names());
        assertEquals(384 * 4, SqlTestSupport.blob(conn, "SELECT rembed('kept', 'x')").length);
    }

    @Test
    void clientNamesArePerConnection() throws SQLException {
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('mine', 'local')");
        try (Connection other = SqlTestSupport.open()) {
            assertTrue(error(other, "SELECT rembed('mine', 'x')").contains("client 'mine' was not registered"));
        }
    }

    @Test
    void aRolledBackInsertLeavesNoClient() throws SQLException {
        exec(conn, "BEGIN");
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('tx', 'local')");
        assertEquals(384 * 4, SqlTestSupport.blob(conn, "SELECT rembed('tx', 'usable inside its transaction')").length);
        exec(conn, "ROLLBACK");
        assertEquals("all-minilm-l6-v2,local", names());
        assertTrue(error(conn, "SELECT rembed('tx', 'x')").contains("client \'tx\' was not registered"));
    }

    @Test
    void aRolledBackDeleteKeepsTheClient() throws SQLException {
        conn.setAutoCommit(false);
        exec(conn, "DELETE FROM temp.rembed_clients WHERE name = 'local'");
        assertTrue(error(conn, "SELECT rembed('local', 'x')").contains("client \'local\' was not registered"));
        conn.rollback();
        conn.setAutoCommit(true);
        assertEquals("all-minilm-l6-v2,local", names());
        assertEquals(384 * 4, SqlTestSupport.blob(conn, "SELECT rembed('local', 'back with its row')").length);
    }

    @Test
    void savepointsAndFailedStatementsAreFollowedToo() throws SQLException {
        exec(conn, "BEGIN");
        exec(conn, "SAVEPOINT s");
        exec(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('inner', 'local')");
        exec(conn, "ROLLBACK TO s");
        String msg = error(conn, "INSERT INTO temp.rembed_clients(name, options) VALUES ('a', 'local'), ('b', 'no-such-provider')");
        assertTrue(msg.contains("unknown provider 'no-such-provider'"), msg);
        exec(conn, "COMMIT");
        assertEquals("all-minilm-l6-v2,local", names());
        assertTrue(error(conn, "SELECT rembed('inner', 'x')").contains("client \'inner\' was not registered"));
        assertTrue(error(conn, "SELECT rembed('a', 'x')").contains("client \'a\' was not registered"));
    }

    @Test
    void multimodalClientsFollowTransactionsToo() throws SQLException {
        exec(conn, "BEGIN");
        exec(conn, "INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('mm', 'ollama')");
        exec(conn, "DELETE FROM temp.rembed_multimodal_clients WHERE name = 'ollama-multimodal'");
        exec(conn, "ROLLBACK");
        assertTrue(error(conn, "SELECT rembed_image('mm', x'00')").contains("multimodal client \'mm\' was not registered"));
        String msg = error(conn, "SELECT rembed_image('ollama-multimodal', x'00')");
        assertTrue(msg.contains("not an image"), msg);
    }

    @Test
    void theInternalFunctionsCannotCreateClientsNoTableShows() throws SQLException {
        String msg = error(conn, "SELECT rembed__client_register('rembed_clients', 'ghost', 'local')");
        assertTrue(msg.contains("rembed__client_register: internal to rembed; add clients with INSERT INTO"
                + " temp.rembed_clients(name, options)"), msg);
        msg = error(conn, "SELECT rembed__client_unregister('rembed_clients', 'local')");
        assertTrue(msg.contains("rembed__client_unregister: internal to rembed"), msg);
        assertTrue(error(conn, "SELECT rembed('ghost', 'x')").contains("client \'ghost\' was not registered"));
        assertEquals(384 * 4, SqlTestSupport.blob(conn, "SELECT rembed('local', 'x')").length);
    }
}
