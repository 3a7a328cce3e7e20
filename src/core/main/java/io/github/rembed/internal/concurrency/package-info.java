/**
 * How many requests go to which model server at once.
 *
 * <p>A {@link io.github.rembed.internal.concurrency.EndpointSet} holds the base URLs of one client's
 * stage; each URL has its own concurrency limit (fixed, or adaptive: learnt from latency and
 * from 429/503/timeouts) and its own health (set aside after repeated failures, probed again
 * later). A request takes a {@link io.github.rembed.internal.concurrency.Lease} on the least-loaded
 * healthy endpoint and reports how it went; {@link io.github.rembed.internal.concurrency.TextBatches}
 * sends the batches of one text call concurrently this way and returns results in input
 * order, and {@link io.github.rembed.internal.concurrency.LeasedRequest} sends one request (a vision
 * request) the same way. Both retry with one lease per attempt. Limits and health are shared process-wide per stage and URL, so every connection and
 * call that talks to one server counts against the same limit.
 */
package io.github.rembed.internal.concurrency;
