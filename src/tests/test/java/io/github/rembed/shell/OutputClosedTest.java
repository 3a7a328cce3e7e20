package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.SimServer;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Latency;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./rembed ... | head -1}: when the reader of stdout goes away the shell stops at once,
 * so no further row (and no further paid request) is computed, and exits with 141 as sqlite3
 * (killed by SIGPIPE) does.
 */
class OutputClosedTest {
    private static final int ROWS = 300;
    @RegisterExtension
    final SimServer sim = new SimServer(b -> b.embeddingDimensions(8)
            .embeddingLatency(Latency.fixed(Duration.ofMillis(20))));

    @TempDir
    Path dir;

    private String registerPaidClient() {
        return "INSERT INTO temp.rembed_clients(name, options) VALUES ('paid', rembed_client_options('format',"
                + " 'ollama', 'model', 'nomic-embed-text', 'url', '" + sim.baseUrl() + "'))";
    }

    private static String paidRows() {
        return "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT " + ROWS + ")"
                + " SELECT x, length(rembed('paid', 'row ' || x)) FROM n";
    }

    /** Accepts bytes up to the first newline, then fails as a closed pipe does. */
    private static final class ClosesAfterOneLine extends OutputStream {
        final ByteArrayOutputStream seen = new ByteArrayOutputStream();
        boolean closed;

        @Override
        public void write(int b) throws IOException {
            if (closed) {
                throw new IOException("Broken pipe");
            }
            seen.write(b);
            closed = b == '\n';
        }
    }

    @Test
    void theShellStopsAtTheFirstWriteAfterItsOutputClosed() {
        ClosesAfterOneLine out = new ClosesAfterOneLine();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Shell.run(new String[] {":memory:", registerPaidClient(), paidRows(), "SELECT 'never'"},
                new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8), dir,
                false, false);
        assertEquals(OutputClosed.EXIT_STATUS, code);
        assertEquals("1|32\n", out.seen.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8), "sqlite3 says nothing either");
        // Row 1 was printed; row 2 was computed before its write failed; nothing after that.
        assertEquals(2, sim.metrics().requests(Endpoint.OLLAMA_EMBED));
    }

    @Test
    void aScriptOnStdinStopsToo() {
        ClosesAfterOneLine out = new ClosesAfterOneLine();
        String script = registerPaidClient() + ";\nSELECT 'first';\n" + paidRows() + ";\n";
        int code = Shell.run(new String[0], new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), dir, false, false);
        assertEquals(OutputClosed.EXIT_STATUS, code);
        assertEquals(1, sim.metrics().requests(Endpoint.OLLAMA_EMBED));
    }

    @Test
    void aPipeReaderThatClosesAfterOneLineStopsTheProcess() throws Exception {
        Process p = new ProcessBuilder(ShellProcess.command(dir, ":memory:", registerPaidClient(), paidRows()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("1|32", reader.readLine());
        } // like head -1: read one line and close the pipe
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the shell ended after its reader left");
        assertEquals(OutputClosed.EXIT_STATUS, p.exitValue());
        long requests = sim.metrics().requests(Endpoint.OLLAMA_EMBED);
        // A row or two may be computed while the reader closes; the rest of the 300 never are.
        assertTrue(requests < 30, requests + " requests of " + ROWS);
    }
}
