/**
 * A simulated model provider for tests and benchmarks: {@link io.github.rembed.simulator.SimulatedProvider}
 * serves the OpenAI ({@code /v1/embeddings}, {@code /v1/chat/completions}) and Ollama
 * ({@code /api/embed}, {@code /api/embeddings}, {@code /api/chat}, {@code /api/generate}) wire
 * formats on 127.0.0.1 with deterministic vectors and captions.
 *
 * <p>Misbehaviour on demand:
 * <ul>
 *   <li>{@link io.github.rembed.simulator.Faults#failNext} queues a {@link io.github.rembed.simulator.Fault}
 *       for the next requests to one endpoint, among them hostile bodies: endless, huge,
 *       stalled, trickled a byte at a time (slowloris), or missing after the headers;</li>
 *   <li>content markers fail the one request whose text or image bytes contain them:
 *       {@code FAULT:500}, {@code FAULT:429} (with Retry-After), {@code FAULT:HANG} (until close),
 *       {@code FAULT:GARBAGE} (200, not JSON), {@code FAULT:FLAKY} (503 the first time that exact
 *       content is seen), {@code FAULT:SLOW} (10x latency), {@code FAULT:LONG_CAPTION} (a 6 MiB
 *       caption);</li>
 *   <li>the model name {@code missing-model} gets Ollama's 404;</li>
 *   <li>capacities turn excess concurrent requests into 429 + Retry-After.</li>
 * </ul>
 * Check order per request: method, API key, queued fault, capacity, body, model, markers, latency.
 */
package io.github.rembed.simulator;
