package io.github.rembed.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.simulator.SimulatedProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A Maven user who depends on {@code rembed-java} alone gets no model on the classpath: remote
 * clients work, and the in-process clients fail with an error naming the artifact to add.
 * The application runs in its own JVM on this suite's classpath minus the model artifact and
 * everything only it brings.
 */
class RemoteOnlyClasspathTest {
    /** Classpath entries of rembed-minilm and its own dependencies. */
    private static final List<String> MODEL_ONLY = List.of(
            "/src/minilm/", "rembed-minilm", "langchain4j-embeddings", "onnxruntime", "tokenizers", "/ai/djl/",
            "commons-compress", "commons-io", "commons-codec", "jna-", "gson-");

    @Test
    void remoteClientsWorkWithoutTheModelArtifact() throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> MODEL_ONLY.stream().noneMatch(entry.replace('\\', '/')::contains))
                .collect(Collectors.joining(File.pathSeparator));
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(16).start()) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                    "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                    "-cp", classpath, RemoteOnlyApp.class.getName(), sim.baseUrl())
                    .redirectErrorStream(true).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the remote-only application did not finish");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), out);
            List<String> lines = out.lines().toList();
            assertTrue(lines.contains("model class present: false"), out);
            assertTrue(lines.contains("remote bytes: 64"), out);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("local: ") && l.contains("io.github.rembed:rembed-minilm")),
                    out);
        }
    }
}
