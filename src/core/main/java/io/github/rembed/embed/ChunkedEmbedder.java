package io.github.rembed.embed;

import dev.langchain4j.data.segment.TextSegment;
import io.github.rembed.RembedException;
import io.github.rembed.client.ClientSpec;
import io.github.rembed.engine.CallStats;
import java.util.ArrayList;
import java.util.List;

/** Splits texts into chunks of the client's batch size and checks every reply. */
abstract class ChunkedEmbedder implements TextEmbedder {
    private final ClientSpec spec;

    ChunkedEmbedder(ClientSpec spec) {
        this.spec = spec;
    }

    /** Embeds one chunk, at most {@code batchSize} texts, in one model call. */
    abstract List<float[]> embedChunk(List<TextSegment> chunk, CallStats stats);

    @Override
    public final List<float[]> embed(List<String> texts, CallStats stats) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += spec.batchSize()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RembedException(spec.describe() + ": cancelled");
            }
            List<TextSegment> chunk = texts.subList(from, Math.min(texts.size(), from + spec.batchSize()))
                    .stream().map(TextSegment::from).toList();
            List<float[]> vectors = embedChunk(chunk, stats);
            ReplyCheck.check(vectors, chunk.size(), spec.describe());
            out.addAll(vectors);
            stats.embedded(vectors.size());
        }
        return out;
    }

    @Override
    public final ClientSpec spec() {
        return spec;
    }
}
