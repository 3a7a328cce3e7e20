package io.github.rembed.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The first image call of a fresh JVM, measured in a child process so that nothing the
 * parent loaded helps it: {@code ColdStart library|handwritten URL c n bytes} registers (or
 * builds its HTTP client), then times a first and a second call of {@code n} new images at
 * concurrency {@code c} against the simulator at {@code URL}, run by the parent, and prints
 * {@code setup=S first=S second=S}.
 */
public final class ColdStart {
    private ColdStart() {
    }

    /** What one child measured, in seconds. */
    record Times(double setup, double first, double second) {
        double warmup() {
            return Math.max(0, first - second);
        }
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String url = args[1];
        int c = Integer.parseInt(args[2]);
        int n = Integer.parseInt(args[3]);
        int bytes = Integer.parseInt(args[4]);
        long t0 = System.nanoTime();
        double setup;
        double first;
        double second;
        if (mode.equals("library")) {
            try (Connection conn = Sql.open()) {
                Sql.exec(conn, "INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('lib', "
                        + "rembed_multimodal_client_options('format', 'ollama', 'url', " + Sql.quote(url)
                        + ", 'max_concurrent_requests', " + c + ", 'batch_size', 10))");
                setup = (System.nanoTime() - t0) / 1e9;
                first = time(() -> ImageBench.concurrent(conn, "lib", Images.list(n, bytes)));
                second = time(() -> ImageBench.concurrent(conn, "lib", Images.list(n, bytes)));
            }
        } else {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            setup = (System.nanoTime() - t0) / 1e9;
            first = time(() -> BaselineBench.handWrittenCall(http, url, Images.list(n, bytes), c));
            second = time(() -> BaselineBench.handWrittenCall(http, url, Images.list(n, bytes), c));
            http.close();
        }
        System.out.printf(java.util.Locale.ROOT, "setup=%.4f first=%.4f second=%.4f%n", setup, first, second);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static double time(Call call) throws Exception {
        long t = System.nanoTime();
        call.run();
        return (System.nanoTime() - t) / 1e9;
    }

    /**
     * Runs a child JVM with this JVM's java and classpath and reads what it measured.
     *
     * @param warmup whether the library's background warm-up runs (property {@code rembed.warmup})
     */
    static Times measure(String mode, boolean warmup, String url, int c, int n, int bytes)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider", "-Dslf4j.internal.verbosity=WARN",
                "-Drembed.warmup=" + warmup, "-cp", System.getProperty("java.class.path"), ColdStart.class.getName(),
                mode, url, Integer.toString(c), Integer.toString(n), Integer.toString(bytes)));
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        if (!child.waitFor(5, TimeUnit.MINUTES) || child.exitValue() != 0 || line == null) {
            child.destroyForcibly();
            throw new IllegalStateException("cold-start child '" + mode + "' failed: " + line);
        }
        Map<String, Double> v = new java.util.HashMap<>();
        for (String kv : line.trim().split(" ")) {
            String[] p = kv.split("=");
            v.put(p[0], Double.parseDouble(p[1]));
        }
        return new Times(v.get("setup"), v.get("first"), v.get("second"));
    }
}
