package io.github.rembed.internal.concurrency;

/**
 * One endpoint as it is now, for stats and {@code rembed_debug()}.
 *
 * @param baseUrl      the URL, with anything that looks like a secret masked
 * @param state        {@code healthy}, {@code set aside} or {@code probing}
 * @param limit        requests allowed in flight now (an adaptive limit's current value)
 * @param inFlight     requests in flight now, from every connection of this process
 * @param adaptive     whether the limit adapts ({@code max_concurrent_requests = 'auto'})
 * @param successes    replies since the process started
 * @param drops        429, 503 and timeouts since the process started
 * @param failures     refused connections and other 5xx since the process started
 * @param inputTokens  input (prompt) tokens the provider counted in its replies since the process started
 * @param outputTokens output (completion) tokens likewise
 */
public record EndpointStatus(String baseUrl, String state, int limit, int inFlight, boolean adaptive,
                             long successes, long drops, long failures, long inputTokens, long outputTokens) {

    /** One line: URL, state, limit, load and counters. */
    public String describe() {
        return baseUrl + ": " + state + ", limit " + limit + (adaptive ? " (auto)" : "") + ", " + inFlight
                + " in flight; " + successes + " replies, " + drops + " refused or timed out, " + failures + " failed; "
                + inputTokens + " input and " + outputTokens + " output tokens";
    }
}
