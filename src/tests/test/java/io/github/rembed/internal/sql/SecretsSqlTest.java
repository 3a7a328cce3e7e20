package io.github.rembed.internal.sql;

import static io.github.rembed.SqlTestSupport.error;
import static io.github.rembed.SqlTestSupport.exec;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.Rembed;
import io.github.rembed.RembedConfig;
import io.github.rembed.RembedException;
import io.github.rembed.SqlTestSupport;
import io.github.rembed.TextClient;
import java.net.ServerSocket;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** Secrets written into URLs never come back in an error or a description. */
class SecretsSqlTest {
    private static final String SECRET = "hunter2secretvalue";

    private static int deadPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aPasswordInAUrlIsNeverShown() throws Exception {
        try (Connection conn = SqlTestSupport.open()) {
            String msg = error(conn, "INSERT INTO temp.rembed_clients VALUES ('x', rembed_client_options('format',"
                    + " 'openai', 'model', 'm', 'url', 'ftp://user:" + SECRET + "@host/v1', 'key', 'k'))");
            assertTrue(msg.contains("must be an http:// or https:// URL"), msg);
            assertFalse(msg.contains(SECRET), msg);
        }
        RembedConfig config = RembedConfig.builder()
                .environment(k -> k.equals("OLLAMA_HOST") ? "http://user:" + SECRET + "@[bad" : null).build();
        try (Connection conn = SqlTestSupport.open(config)) {
            String msg = error(conn, "INSERT INTO temp.rembed_clients VALUES ('n', 'ollama::m')");
            assertTrue(msg.contains("is not a valid Ollama address"), msg);
            assertFalse(msg.contains(SECRET), msg);
        }
        RembedException e = assertThrows(RembedException.class, () -> Rembed.textClient("{\"format\": \"openai\","
                + " \"model\": \"m\", \"key\": \"k\", \"url\": \"gopher://u:" + SECRET + "@h/v1\"}"));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void aKeyInTheQueryStringIsNeverShown() throws Exception {
        String url = "http://127.0.0.1:" + deadPort() + "/v1?api-version=2024&api-key=" + SECRET;
        try (Connection conn = SqlTestSupport.open()) {
            exec(conn, "INSERT INTO temp.rembed_clients VALUES ('az', rembed_client_options('format', 'openai',"
                    + " 'model', 'm', 'url', '" + url + "'))");
            String msg = error(conn, "SELECT rembed('az', 'x')");
            assertTrue(msg.contains("cannot connect"), msg);
            assertFalse(msg.contains(SECRET), msg);
        }
        TextClient client = Rembed.textClient("{\"format\": \"openai\", \"model\": \"m\", \"url\": \"" + url + "\"}");
        assertFalse(client.describe().contains(SECRET), client.describe());
        RembedException e = assertThrows(RembedException.class, () -> client.embed("x"));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void aDnsFailureIsNamedAsOne() throws Exception {
        try (Connection conn = SqlTestSupport.open()) {
            exec(conn, "INSERT INTO temp.rembed_clients VALUES ('d', rembed_client_options('format', 'ollama',"
                    + " 'model', 'm', 'url', 'http://no-such-host.invalid:11434'))");
            String msg = error(conn, "SELECT rembed('d', 'x')");
            assertTrue(msg.contains("rembed: ollama model 'm' at http://no-such-host.invalid:11434/api/embed: cannot resolve the"
                    + " host of http://no-such-host.invalid:11434/api/embed (DNS lookup failed)"), msg);
        }
    }
}
