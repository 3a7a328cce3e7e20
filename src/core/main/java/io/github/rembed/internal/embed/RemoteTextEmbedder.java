package io.github.rembed.internal.embed;

import io.github.rembed.ItemResult;
import io.github.rembed.RembedException;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.concurrency.EndpointSet;
import io.github.rembed.internal.concurrency.EndpointStatus;
import io.github.rembed.internal.concurrency.TextBatches;
import io.github.rembed.internal.concurrency.TokenUsage;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.engine.RetryPolicy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A remote model: the texts of one call are cut into batches of the client's batch size and
 * sent concurrently, each request to the least-loaded healthy endpoint of the client's URLs
 * under that endpoint's limit (shared across the runtime), retried by {@link TextBatches}; vectors come back
 * in input order.
 */
final class RemoteTextEmbedder implements TextEmbedder {
    private final ClientSpec spec;
    private final WireClient wire;
    private final RetryPolicy retry;
    private final EndpointSet endpoints;
    private final AtomicInteger liveWorkers;
    /** Dimensions of this model's first good reply: a later reply of another size is refused. */
    private final AtomicInteger dimensions = new AtomicInteger();

    RemoteTextEmbedder(ClientSpec spec, WireClient wire, RetryPolicy retry, EndpointSet endpoints,
                       AtomicInteger liveWorkers) {
        this.spec = spec;
        this.wire = wire;
        this.retry = retry;
        this.endpoints = endpoints;
        this.liveWorkers = liveWorkers;
    }

    @Override
    public List<float[]> embed(List<String> texts, CallStats stats) {
        return embed(texts, stats, () -> false);
    }

    @Override
    public List<float[]> embed(List<String> texts, CallStats stats, BooleanSupplier cancelled) {
        requireKey();
        return batches(stats, cancelled).embedAll(texts);
    }

    @Override
    public List<ItemResult> embedEach(List<String> texts, CallStats stats, BooleanSupplier cancelled) {
        requireKey();
        return batches(stats, cancelled).embedEach(texts);
    }

    @Override
    public List<EndpointStatus> endpoints() {
        return endpoints.status();
    }

    private void requireKey() {
        try {
            spec.requireKey();
        } catch (RembedException e) {
            throw new RembedException(spec.describe() + ": " + e.getMessage());
        }
    }

    private TextBatches batches(CallStats stats, BooleanSupplier cancelled) {
        return TextBatches.over(endpoints, this::send).batchSize(spec.batchSize()).retry(retry)
                .describedAs(spec.describe()).stats(stats).cancellation(cancelled).liveWorkers(liveWorkers);
    }

    /** One request, no retry: its failures are read by {@link TextBatches}. */
    private List<float[]> send(String url, List<String> texts, TokenUsage usage) {
        List<float[]> vectors = wire.send(url, texts, usage);
        ReplyCheck.sameDimensions(dimensions, vectors.get(0).length, "");
        return vectors;
    }

    @Override
    public ClientSpec spec() {
        return spec;
    }
}
