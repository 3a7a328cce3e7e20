package io.github.rembed.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.github.rembed.client.ClientSpec;
import io.github.rembed.engine.CallStats;
import io.github.rembed.engine.Retrier;
import io.github.rembed.engine.RetryPolicy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A remote model behind LangChain4j's {@link EmbeddingModel}: one request per batch, retried by {@link Retrier}. */
final class RemoteTextEmbedder extends ChunkedEmbedder {
    private final EmbeddingModel model;
    private final RetryPolicy retry;
    /** Dimensions of this model's first good reply: a later reply of another size is refused. */
    private final AtomicInteger dimensions = new AtomicInteger();

    RemoteTextEmbedder(ClientSpec spec, EmbeddingModel model, RetryPolicy retry) {
        super(spec);
        this.model = model;
        this.retry = retry;
    }

    @Override
    List<float[]> embedChunk(List<TextSegment> chunk, CallStats stats) {
        List<float[]> vectors = Retrier.call(() -> model.embedAll(chunk).content().stream()
                .map(e -> e == null ? null : e.vector()).toList(), retry, stats, spec().describe());
        if (!vectors.isEmpty() && vectors.get(0) != null) {
            ReplyCheck.sameDimensions(dimensions, vectors.get(0).length, spec().describe());
        }
        return vectors;
    }
}
