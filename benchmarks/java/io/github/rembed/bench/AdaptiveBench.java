package io.github.rembed.bench;

import io.github.rembed.ItemResult;
import io.github.rembed.Rembed;
import io.github.rembed.TextClient;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.Latency;
import io.github.rembed.simulator.SimulatedProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code max_concurrent_requests = 'auto'} against fixed limits on a server that serves K
 * requests at once and answers 429 (with Retry-After) beyond: the user who guesses too high
 * fights 429s, too low leaves the server idle; 'auto' has to find K by itself.
 */
final class AdaptiveBench {
    private AdaptiveBench() {
    }

    private record Row(String limit, int ok, long requests, double seconds, String settled) {
        double perSecond() {
            return ok / seconds;
        }

        long refused() {
            return requests - ok;
        }

        double refusedShare() {
            return requests == 0 ? 0 : refused() / (double) requests;
        }
    }

    static Measured run(ScaleParams s) {
        List<Row> rows = new ArrayList<>();
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(Params.DIMENSIONS)
                .embeddingLatency(Latency.fixed(Duration.ofMillis(s.capacityLatencyMs())))
                .embeddingCapacity(s.capacity()).retryAfter(Duration.ofMillis(s.retryAfterMs())).start()) {
            client(sim, "2").embedAll(TextBench.texts(16)); // connections and classes warm
            for (int c : s.fixedLimits()) {
                rows.add(measure(sim, Integer.toString(c), s));
            }
            rows.add(measure(sim, "auto", s));
        }
        // The best fixed limit: the fastest that embedded every text (too high a limit fails texts).
        Row best = rows.get(0);
        for (Row r : rows.subList(0, rows.size() - 1)) {
            best = r.ok == s.capacityRequests() && r.perSecond() > best.perSecond() ? r : best;
        }
        Row auto = rows.get(rows.size() - 1);
        double ideal = s.capacity() / (s.capacityLatencyMs() / 1000.0);
        Table t = new Table("Adaptive limit vs fixed limits on a server of capacity " + s.capacity() + " ("
                + s.capacityLatencyMs() + " ms per request, 429 + Retry-After " + s.retryAfterMs() + " ms beyond)",
                "max_concurrent_requests", "ok/texts", "requests", "429s", "429 share", "total", "texts/s",
                "vs best fixed", "limit: median (range)");
        for (Row r : rows) {
            t.row(r.limit, r.ok + "/" + s.capacityRequests(), r.requests, r.refused(),
                    Table.num(100 * r.refusedShare(), 1) + "%", Table.seconds(r.seconds), Table.num(r.perSecond(), 1),
                    Table.num(r.perSecond() / best.perSecond(), 2) + "x", r.settled);
        }
        t.note("one TextClient.embedEach of " + s.capacityRequests() + " texts per row, batch_size 1 (one request per"
                + " text); ideal " + Table.num(ideal, 1) + " texts/s = capacity / latency; requests and 429s as the "
                + "simulator counted them");
        t.note("'auto' starts at 4 with no knowledge of the server: its row includes the learning; its limit is "
                + "sampled every 25 ms (the dips are its latency probes at half the limit, the peaks its tries above "
                + "the ceiling)");
        t.note("a text whose request was refused three times fails (ok < texts): what too high a fixed limit costs;"
                + " texts/s counts embedded texts, and the best fixed limit is the fastest that embedded them all");
        double ratio = auto.perSecond() / best.perSecond();
        boolean pass = ratio >= 0.9 && auto.refusedShare() <= 0.05 && auto.ok == s.capacityRequests();
        return new Measured(t, new Target("'auto' vs best fixed limit (" + best.limit + ") on a capacity-limited server",
                ">= 0.90x, 429 share <= 5%", Table.num(ratio, 2) + "x, " + Table.num(100 * auto.refusedShare(), 1)
                + "% 429s, limit " + auto.settled, pass, pass ? "" : "'auto' starts at 4 and learns within the run; "
                + "see the adaptive table"));
    }

    private static Row measure(SimulatedProvider sim, String limit, ScaleParams s) {
        TextClient client = client(sim, limit);
        List<String> texts = TextBench.texts(s.capacityRequests());
        sim.metrics().reset();
        List<Integer> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            try (Connection debug = DriverManager.getConnection("jdbc:sqlite::memory:")) {
                Rembed.register(debug); // one connection for every sample: only rembed_debug() runs per sample
                sample(debug, sim, limit, samples);
            } catch (SQLException e) {
                // no samples: the row shows "?"
            }
        });
        Stopwatch w = Stopwatch.start();
        List<ItemResult> results = client.embedEach(texts);
        w.stop();
        sampler.interrupt();
        int ok = (int) results.stream().filter(r -> r instanceof ItemResult.Embedded).count();
        Row r = new Row(limit, ok, sim.metrics().requests(Endpoint.OPENAI_EMBEDDINGS), w.seconds(), spread(samples));
        System.err.printf("  limit %-5s %8s  %.1f texts/s, %d 429s%n", limit, Table.seconds(r.seconds), r.perSecond(),
                r.refused());
        return r;
    }

    private static TextClient client(SimulatedProvider sim, String limit) {
        return Rembed.textClient("{\"format\": \"openai\", \"model\": \"text-embedding-3-small\", \"url\": \""
                + sim.baseUrl() + "/v1\", \"batch_size\": 1, \"max_concurrent_requests\": \"" + limit + "\"}");
    }

    /** The median of the sampled limits and their range, e.g. "6 (3-9)". */
    private static String spread(List<Integer> samples) {
        if (samples.isEmpty()) {
            return "?";
        }
        List<Integer> sorted = samples.stream().sorted().toList();
        int median = sorted.get(sorted.size() / 2);
        int min = sorted.get(0);
        int max = sorted.get(sorted.size() - 1);
        return min == max ? Integer.toString(median) : median + " (" + min + "-" + max + ")";
    }

    /** Every 25 ms until interrupted, the limit {@link #settled} reads. */
    private static void sample(Connection debug, SimulatedProvider sim, String limit, List<Integer> samples)
            throws SQLException {
        while (!Thread.currentThread().isInterrupted()) {
            String now = settled(debug, sim, limit);
            if (!now.equals("?")) {
                samples.add(Integer.parseInt(now));
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The limit as the shared runtime's endpoint reports it now in {@code rembed_debug()} (the adaptive one's current value). */
    private static String settled(Connection debug, SimulatedProvider sim, String limit) throws SQLException {
        List<String> lines;
        try (Statement st = debug.createStatement(); ResultSet rs = st.executeQuery("SELECT rembed_debug()")) {
            rs.next();
            lines = rs.getString(1).lines().map(String::trim).toList();
        }
        for (String line : lines) {
            if (line.contains(sim.baseUrl()) && (limit.equals("auto") == line.contains("(auto)"))
                    && (limit.equals("auto") || line.contains("limit " + limit + ","))) {
                return line.replaceAll(".*limit (\\d+).*", "$1");
            }
        }
        return "?";
    }
}
