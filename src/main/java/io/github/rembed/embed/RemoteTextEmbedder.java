package io.github.rembed.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.github.rembed.client.ClientSpec;
import io.github.rembed.engine.CallStats;
import io.github.rembed.engine.Retrier;
import io.github.rembed.engine.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A remote model reached through LangChain4j: one request per batch, retried by {@link Retrier}. */
final class RemoteTextEmbedder implements TextEmbedder {
    private final ClientSpec spec;
    private final EmbeddingModel model;
    private final RetryPolicy retry;
    /** Dimensions of this model's first good reply: a later reply of another size is refused. */
    private final AtomicInteger dimensions = new AtomicInteger();

    RemoteTextEmbedder(ClientSpec spec, EmbeddingModel model, RetryPolicy retry) {
        this.spec = spec;
        this.model = model;
        this.retry = retry;
    }

    @Override
    public List<float[]> embed(List<String> texts, CallStats stats) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += spec.batchSize()) {
            List<TextSegment> chunk = texts.subList(from, Math.min(texts.size(), from + spec.batchSize()))
                    .stream().map(TextSegment::from).toList();
            List<float[]> vectors = Retrier.call(() -> model.embedAll(chunk).content().stream()
                    .map(Embedding::vector).toList(), retry, stats, spec.describe());
            ReplyCheck.check(vectors, chunk.size(), spec.describe());
            ReplyCheck.sameDimensions(dimensions, vectors.get(0).length, spec.describe());
            out.addAll(vectors);
        }
        return out;
    }

    @Override
    public ClientSpec spec() {
        return spec;
    }
}
