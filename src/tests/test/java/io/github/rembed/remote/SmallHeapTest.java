package io.github.rembed.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endless replies in a JVM with a small heap: every call fails with a clear error instead of
 * an OutOfMemoryError that would take the HTTP client (and every later statement) down.
 */
class SmallHeapTest {
    @Test
    void endlessRepliesCannotExhaustASmallHeap(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("probe.log");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx128m", "--enable-native-access=ALL-UNNAMED",
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-cp", System.getProperty("java.class.path"), SmallHeapProbe.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor(); // a JVM whose HTTP threads died of OutOfMemoryError ignores SIGTERM
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the probe hung: " + out);
        assertFalse(out.contains("OutOfMemoryError"), out);
        assertEquals(0, p.exitValue(), out);
        assertEquals(4, out.lines().filter(l -> l.startsWith("hostile: error ") && (l.contains("is larger than the")
                || l.contains("does not fit in the memory set aside"))).count(), out);
        assertTrue(out.contains("after: bytes 32"), out);
    }
}
