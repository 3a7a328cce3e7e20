/**
 * A simulated model provider for tests and benchmarks: {@link io.github.rembed.simulator.SimulatedProvider}
 * serves on 127.0.0.1, with deterministic vectors and captions, the embedding formats of
 * OpenAI and the servers that copy it ({@code /v1/embeddings}, with Mixedbread's trailing
 * slash too: Jina, Mistral, Voyage), Azure OpenAI ({@code /openai/deployments/D/embeddings?api-version=...}),
 * Ollama ({@code /api/embed}, {@code /api/embeddings}), Nomic ({@code /v1/embedding/text}),
 * Cohere ({@code /v2/embed}, {@code /v1/embed}), llamafile ({@code /embedding}) and Gemini
 * ({@code /v1beta/models/M:batchEmbedContents}), and the vision formats of OpenAI
 * ({@code /v1/chat/completions}) and Ollama ({@code /api/chat}, {@code /api/generate}).
 *
 * <p>A request of the wrong shape gets the real service's status and error body (400, Nomic's
 * 422, Azure's 404 without {@code api-version}). A text sent with an input or task type is
 * embedded as {@code "<type>: <text>"}, so a test sees the type arrived. With
 * {@link io.github.rembed.simulator.SimulatedProvider.Builder#requireKey} a key is checked
 * where each provider sends it (bearer token, {@code x-goog-api-key} or {@code ?key=},
 * {@code api-key}); {@link io.github.rembed.simulator.Metrics#credentials()} records every
 * credential received, wherever it was.
 *
 * <p>Misbehaviour on demand:
 * <ul>
 *   <li>{@link io.github.rembed.simulator.Faults#failNext} queues a {@link io.github.rembed.simulator.Fault}
 *       for the next requests to one endpoint, among them OpenAI replies whose items come
 *       reordered or claim one index twice, and hostile bodies: endless, huge, stalled,
 *       trickled a byte at a time (slowloris), or missing after the headers;</li>
 *   <li>content markers fail the one request whose text or image bytes contain them:
 *       {@code FAULT:500}, {@code FAULT:400} (refused for its content), {@code FAULT:429} (with Retry-After), {@code FAULT:HANG} (until close),
 *       {@code FAULT:GARBAGE} (200, not JSON), {@code FAULT:FLAKY} (503 the first time that exact
 *       content is seen), {@code FAULT:SLOW} (10x latency), {@code FAULT:LONG_CAPTION} (a 6 MiB
 *       caption);</li>
 *   <li>the model name {@code missing-model} gets Ollama's 404;</li>
 *   <li>capacities turn excess concurrent requests into 429 + Retry-After.</li>
 * </ul>
 * Check order per request: method, API key, queued fault, capacity, body, model, markers, latency.
 */
package io.github.rembed.simulator;
