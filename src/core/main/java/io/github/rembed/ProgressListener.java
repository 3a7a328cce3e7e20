package io.github.rembed;

/**
 * Hears how a bulk call advances: once when it starts, then after each change (a batch or an
 * item finished, a request retried). Calls never overlap, but they may come from the
 * client's worker threads, so keep them short. A listener that throws is not called again;
 * the call itself goes on.
 *
 * <pre>{@code
 * TextClient client = Rembed.textClient("docs", "ollama::nomic-embed-text")
 *         .withProgress(p -> System.err.printf("%d/%d, %.0f/s%n", p.processed(), p.total(), p.rate()));
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * Called at the start and after each change.
     *
     * @param progress the call's figures at this moment
     */
    void onProgress(Progress progress);
}
