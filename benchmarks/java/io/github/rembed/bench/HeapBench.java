package io.github.rembed.bench;

/** Peak heap of a long image stream through the Java API. */
final class HeapBench {
    private HeapBench() {
    }

    record Result(Table table, Target target) {
    }

    static Result run(Params p) {
        return new Result(new Table("Heap (pending the streaming API)", "what"),
                new Target("stream heap flat", "flat", "-", false, "not measured yet"));
    }
}
