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
        if (starts(only, "baseline")) {
            // First, so that its cold rows are the first calls in this JVM.
            BaselineBench.Result r = BaselineBench.run(params);
            show(r.table());
            targets.addAll(r.targets());
        }
        if (starts(only, "images")) {
            ImageBench.Result r = ImageBench.run(params, this::show);
            targets.addAll(r.targets());
        }
        if (starts(only, "text")) {
            TextBench.Remote r = TextBench.remote(params);
            show(r.table());
        }
        if (starts(only, "concurrency")) {
            measured(ConcurrencyBench.run(scale));
        }
        if (starts(only, "adaptive")) {
            measured(AdaptiveBench.run(scale));
        }
        if (starts(only, "servers")) {
            measured(ServersBench.run(scale, params));
        }
        if (starts(only, "providers")) {
            show(ProviderBench.run(params));
        }
        if (starts(only, "local")) {
            TextBench.Local r = TextBench.local(params);
            show(r.table());
            targets.add(new Target("in-process model through SQL vs direct embedAll", ">= 0.90",
                    Table.num(r.sqlToDirect(), 2), r.sqlToDirect() >= 0.9,
                    r.sqlToDirect() >= 0.9 ? "" : "see the in-process table: SQL adds JSON and base64 per text"));
        }
        if (starts(only, "cache")) {
            show(CacheBench.run(params));
        }
        if (starts(only, "pool")) {
            show(PoolBench.run());
        }
        if (starts(only, "heap")) {
            measured(HeapBench.run(params));
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

    /** Whether section {@code name} is to run; if so, notes the load average as it starts. */
    private boolean starts(Set<String> only, String name) {
        if (!only.contains(name)) {
            return false;
        }
        loads.put(name, String.format("%.2f", Machine.load()));
        return true;
    }

    /** Shows a section's table and keeps its target. */
    private void measured(Measured m) {
        show(m.table());
        targets.add(m.target());
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
