package io.github.rembed.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake model server on 127.0.0.1 speaking every provider's embedding format and the OpenAI
 * and Ollama vision formats (see the package documentation): deterministic embeddings and
 * image captions, with configurable latency, capacity limits and faults. {@link #baseUrl()}
 * is the server root, where each provider's own path is served; the OpenAI base URL is
 * {@code baseUrl() + "/v1"}.
 *
 * <pre>{@code
 * try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(8).start()) {
 *     sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, Fault.status(503));
 *     ... point a client at sim.baseUrl() ...
 * }
 * }</pre>
 */
public final class SimulatedProvider implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; with Nagle on, each reply waits for
        // the client's delayed ACK (~40 ms). Read once, when the JDK server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Faults faults = new Faults();
    private final Metrics metrics = new Metrics();

    private SimulatedProvider(SimConfig config) throws IOException {
        // Platform threads: callers of SQL functions on virtual threads pin every carrier while
        // they wait, and a server in the same JVM that needed a carrier would never answer them.
        executor = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("rembed-sim-", 0).factory());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 1024);
        server.createContext("/", new SimHandler(config, faults, metrics, closed));
        server.setExecutor(executor);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}: the Ollama base URL; append {@code /v1} for OpenAI. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Faults to inject; changes apply to the next requests. */
    public Faults faults() {
        return faults;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Stops at once; hung and sleeping requests are released and their connections dropped. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** The vector served for {@code text} by {@code model}: deterministic, unit length. */
    public static float[] vectorFor(String model, String text, int dimensions) {
        return Outputs.vector(Objects.requireNonNull(model, "model"), Objects.requireNonNull(text, "text"), dimensions);
    }

    /** The caption served for {@code image} by {@code visionModel}. */
    public static String captionFor(String visionModel, byte[] image) {
        return Outputs.caption(Objects.requireNonNull(visionModel, "visionModel"), Objects.requireNonNull(image, "image"));
    }

    /**
     * Runs a simulator until killed: {@code --port N --dims D --embed-latency-ms X
     * --vision-latency-ms X --jitter-sigma S --vision-capacity N --retry-after-ms X}.
     * Prints the base URL on stdout.
     */
    public static void main(String[] args) throws InterruptedException {
        SimulatedProvider sim;
        try {
            sim = StandaloneArgs.parse(args).start();
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            System.err.println(StandaloneArgs.USAGE);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "simulator-shutdown"));
        System.out.println(sim.baseUrl());
        System.out.flush();
        sim.closed.await();
    }

    /** Settings for {@link SimulatedProvider}; every one has a default. */
    public static final class Builder {
        private int port;
        private int dimensions = 768;
        private Latency embeddingLatency = Latency.none();
        private Latency visionLatency = Latency.none();
        private int embeddingCapacity = Integer.MAX_VALUE;
        private int visionCapacity = Integer.MAX_VALUE;
        private Duration retryAfter = Duration.ofSeconds(1);
        private String requiredKey;
        private long seed = 0x5eedL;

        private Builder() {
        }

        /** Port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Vector length when the request names none; default 768. */
        public Builder embeddingDimensions(int d) {
            if (d <= 0) {
                throw new IllegalArgumentException("embedding dimensions must be > 0, got " + d);
            }
            this.dimensions = d;
            return this;
        }

        /** Wait applied once per embedding request (whatever its batch size). */
        public Builder embeddingLatency(Latency l) {
            this.embeddingLatency = Objects.requireNonNull(l, "latency");
            return this;
        }

        /** Wait applied once per vision request. */
        public Builder visionLatency(Latency l) {
            this.visionLatency = Objects.requireNonNull(l, "latency");
            return this;
        }

        /** Vision requests in flight beyond {@code n} get 429 + Retry-After at once. */
        public Builder visionCapacity(int n) {
            this.visionCapacity = positive(n, "vision capacity");
            return this;
        }

        /** Embedding requests in flight beyond {@code n} get 429 + Retry-After at once. */
        public Builder embeddingCapacity(int n) {
            this.embeddingCapacity = positive(n, "embedding capacity");
            return this;
        }

        /** Retry-After sent with capacity and content-marker 429s; default 1s. */
        public Builder retryAfter(Duration d) {
            Objects.requireNonNull(d, "retryAfter");
            if (d.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative, got " + d);
            }
            this.retryAfter = d;
            return this;
        }

        /** Requests without {@code key}, sent where their provider sends it, get 401 (Gemini: 403 or 400). */
        public Builder requireKey(String key) {
            this.requiredKey = key;
            return this;
        }

        /** Seed for latency jitter, so a benchmark run can be repeated. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public SimulatedProvider start() {
            try {
                return new SimulatedProvider(new SimConfig(port, dimensions, embeddingLatency, visionLatency,
                        embeddingCapacity, visionCapacity, retryAfter, requiredKey, seed));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the simulator on 127.0.0.1:" + port, e);
            }
        }

        private static int positive(int n, String what) {
            if (n <= 0) {
                throw new IllegalArgumentException(what + " must be > 0, got " + n);
            }
            return n;
        }
    }
}
