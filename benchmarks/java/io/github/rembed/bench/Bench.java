package io.github.rembed.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code benchmarks/run [--quick] [--only SECTION,...] [--out DIR]}: drives the in-project
 * simulated provider on 127.0.0.1 through real SQL and prints the tables, then writes them as
 * Markdown to {@code benchmarks/results/<date>-<quick|full>.md}.
 */
public final class Bench {
    static final Set<String> SECTIONS = Set.of("baseline", "images", "text", "concurrency", "adaptive", "servers",
            "providers", "local", "cache", "heap", "pool");

    private final Params params;
    private final ScaleParams scale;
    private final List<Table> tables = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    /** 1-minute load average as each section starts: other work on the machine shows here. */
    private final Map<String, String> loads = new LinkedHashMap<>();

    private Bench(Params params) {
        this.params = params;
        this.scale = ScaleParams.of(params.mode());
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Set<String> only = SECTIONS;
        Path out = Path.of("benchmarks", "results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--full" -> quick = false;
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: benchmarks/run [--quick] [--only " + String.join(",", SECTIONS)
                            + "] [--out DIR]");
                    System.exit(2);
                }
            }
        }
        for (String s : only) {
            if (!SECTIONS.contains(s)) {
                System.err.println("unknown section '" + s + "'; sections: " + String.join(", ", SECTIONS));
                System.exit(2);
            }
        }
        new Bench(quick ? Params.quick() : Params.full()).run(only, out);
    }

    private void run(Set<String> only, Path outDir) throws Exception {
        LocalDateTime started = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        double loadBefore = Machine.load();
        long t0 = System.nanoTime();
        System.out.println("rembed benchmarks (" + params.mode() + "), simulated provider on 127.0.0.1; load average "
                + String.format("%.2f", loadBefore) + "\n");
        if (only.contains("baseline")) {
            // First, so that its cold rows are the first calls in this JVM.
            loads.put("baseline", String.format("%.2f", Machine.load()));
            BaselineBench.Result r = BaselineBench.run(params);
            show(r.table());
            targets.addAll(r.targets());
        }
        if (only.contains("images")) {
            loads.put("images", String.format("%.2f", Machine.load()));
            ImageBench.Result r = ImageBench.run(params, this::show);
            targets.addAll(r.targets());
        }
        if (only.contains("text")) {
            loads.put("text", String.format("%.2f", Machine.load()));
            TextBench.Remote r = TextBench.remote(params);
            show(r.table());
        }
        if (only.contains("concurrency")) {
            loads.put("concurrency", String.format("%.2f", Machine.load()));
            ConcurrencyBench.Result r = ConcurrencyBench.run(scale);
            show(r.table());
            targets.add(r.target());
        }
        if (only.contains("adaptive")) {
            loads.put("adaptive", String.format("%.2f", Machine.load()));
            AdaptiveBench.Result r = AdaptiveBench.run(scale);
            show(r.table());
            targets.add(r.target());
        }
        if (only.contains("servers")) {
            loads.put("servers", String.format("%.2f", Machine.load()));
            ServersBench.Result r = ServersBench.run(scale, params);
            show(r.table());
            targets.add(r.target());
        }
        if (only.contains("providers")) {
            loads.put("providers", String.format("%.2f", Machine.load()));
            show(ProviderBench.run(params));
        }
        if (only.contains("local")) {
            loads.put("local", String.format("%.2f", Machine.load()));
            TextBench.Local r = TextBench.local(params);
            show(r.table());
            targets.add(new Target("in-process model through SQL vs direct embedAll", ">= 0.90",
                    Table.num(r.sqlToDirect(), 2), r.sqlToDirect() >= 0.9,
                    r.sqlToDirect() >= 0.9 ? "" : "see the in-process table: SQL adds JSON and base64 per text"));
        }
        if (only.contains("cache")) {
            loads.put("cache", String.format("%.2f", Machine.load()));
            show(CacheBench.run(params));
        }
        if (only.contains("pool")) {
            loads.put("pool", String.format("%.2f", Machine.load()));
            show(PoolBench.run());
        }
        if (only.contains("heap")) {
            loads.put("heap", String.format("%.2f", Machine.load()));
            HeapBench.Result r = HeapBench.run(params);
            show(r.table());
            targets.add(r.target());
        }
        Table targetTable = Target.table(targets);
        System.out.println(targetTable.plain());
        double minutes = (System.nanoTime() - t0) / 60e9;
        double loadAfter = Machine.load();
        System.out.printf("finished in %.1f min; load average %.2f before, %.2f after%n", minutes, loadBefore, loadAfter);
        if (only.equals(SECTIONS)) {
            Path file = write(outDir, started, minutes, loadBefore, loadAfter, targetTable);
            System.out.println("wrote " + file);
        }
    }

    /** Prints a table as soon as its rows are measured, and keeps it for the results file. */
    private void show(Table t) {
        tables.add(t);
        System.out.println(t.plain());
        System.out.flush();
    }

    private Path write(Path dir, LocalDateTime started, double minutes, double loadBefore, double loadAfter,
                       Table targetTable) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(LocalDate.now() + "-" + params.mode() + ".md");
        StringBuilder md = new StringBuilder("# rembed benchmarks: " + params.mode() + " run, " + started + "\n\n");
        md.append("Reproduce with `benchmarks/run").append(params.mode().equals("quick") ? " --quick" : "")
                .append("` (simulated provider on 127.0.0.1, no server or key).\n\n");
        Map<String, Object> machine = new LinkedHashMap<>(Machine.describe());
        machine.put("load average (1 min) before / after", String.format("%.2f / %.2f", loadBefore, loadAfter));
        machine.put("load average at each section's start", loads.toString().replaceAll("[{}]", "")
                + " (a 1-minute average: it trails, and the in-process model and heap rows keep both cores busy themselves)");
        machine.put("run time", String.format("%.1f min", minutes));
        Map<String, Object> parameters = new LinkedHashMap<>(params.describe());
        parameters.putAll(scale.describe());
        md.append(keyValues("Machine", machine)).append(keyValues("Parameters", parameters));
        tables.forEach(t -> md.append(t.markdown()));
        md.append(targetTable.markdown());
        Files.writeString(file, md.toString());
        return file;
    }

    private static String keyValues(String title, Map<String, Object> values) {
        StringBuilder sb = new StringBuilder("### ").append(title).append("\n\n| | |\n|---|---|\n");
        values.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return sb.append('\n').toString();
    }
}
