package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every script in {@code examples-sql/} runs as the README says: through the shell, from the
 * repository root, offline, without an error. A script that loads sqlite-vec needs the
 * library the launcher's test mode fetches; without it that script is skipped.
 */
class ExamplesSqlTest {
    private static final Path ROOT = Path.of(System.getProperty("rembed.root", "")).toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> everyExampleScriptRunsWithoutError() throws IOException {
        Path dir = ROOT.resolve("examples-sql");
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no scripts in " + dir);
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String sql = Files.readString(script, StandardCharsets.UTF_8);
            if (sql.contains(".cache/sqlite-vec/vec0")) {
                String vec = System.getProperty("rembed.sqliteVec");
                assumeTrue(vec != null && !vec.isBlank(), "sqlite-vec is not available (./rembed --test fetches it)");
            }
            ShellRunner.Result result = ShellRunner.script(ROOT, sql);
            assertEquals("", result.err(), script + " wrote to stderr");
            assertEquals(0, result.code(), script + " exit status");
            assertTrue(result.out().length() > 0, script + " printed nothing");
        }));
    }
}
