package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scripts whose output the real sqlite3 shell (3.40.1) produced: ours must print the same
 * bytes. Covers {@code .mode box|table|markdown|column} with wrapping, word wrap, quoting,
 * multi-line values and NULLs, {@code .parameter} in all its forms and {@code .header}, and
 * how {@code .width}, {@code .nullvalue} and the separators meet those modes. The
 * outputs are stored, so this runs where sqlite3 is not installed; {@link Sqlite3ParityTest}
 * runs the real sqlite3 beside ours where it is.
 */
class Sqlite3RecordedOutputTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tabular_modes", "parameters", "tabular_settings"})
    void sameOutputAsSqlite3(String name) throws IOException {
        ShellRunner.Result r = ShellRunner.script(dir, resource(name + ".sql"));
        assertEquals(resource(name + ".expected"), r.out() + r.err());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Sqlite3RecordedOutputTest.class.getResourceAsStream("sqlite3/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
