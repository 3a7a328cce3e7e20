package io.github.rembed.bench;

/** Per-call overhead of a cache hit through SQL. */
final class CacheBench {
    private CacheBench() {
    }

    static Table run(Params p) {
        return new Table("Cache hit (pending the image pipeline)", "what").note("not measured yet");
    }
}
