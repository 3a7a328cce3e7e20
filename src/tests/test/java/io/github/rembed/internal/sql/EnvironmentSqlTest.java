package io.github.rembed.internal.sql;

import static io.github.rembed.SqlTestSupport.blob;
import static io.github.rembed.SqlTestSupport.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.RembedConfig;
import io.github.rembed.SqlTestSupport;
import io.github.rembed.TestImages;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A broken environment fails only the clients that read it, never the registration. */
class EnvironmentSqlTest {
    @Test
    void aMalformedOllamaHostFailsOnlyTheClientsThatUseIt() throws Exception {
        for (String host : List.of("http://[bad", "http://", "ftp://example.com", "host:notaport")) {
            RembedConfig config = RembedConfig.builder()
                    .environment(k -> k.equals("OLLAMA_HOST") ? host : null).build();
            try (Connection conn = SqlTestSupport.open(config)) {
                assertEquals(384 * 4, blob(conn, "SELECT rembed('local', 'still here')").length, host);
                String msg = error(conn, "SELECT rembed_image('ollama-multimodal', "
                        + TestImages.sqlBase64(TestImages.unique()) + ")");
                assertTrue(msg.contains("rembed_image: client 'ollama-multimodal': OLLAMA_HOST '" + host
                        + "' is not a valid Ollama address"), msg);
                msg = error(conn, "INSERT INTO temp.rembed_clients VALUES ('nomic', 'ollama::nomic-embed-text')");
                assertTrue(msg.contains("temp.rembed_clients: client 'nomic': OLLAMA_HOST '" + host
                        + "' is not a valid Ollama address"), msg);
                assertEquals(384 * 4, blob(conn, "SELECT rembed('local', 'still here')").length, host);
            }
        }
    }
}
