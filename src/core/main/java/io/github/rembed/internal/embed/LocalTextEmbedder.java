package io.github.rembed.internal.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.github.rembed.RembedException;
import io.github.rembed.internal.client.ClientSpec;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.spi.InProcessModel;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.BooleanSupplier;

/**
 * The in-process model, found on the classpath (artifact {@code rembed-minilm}), fed chunks of
 * the client's batch size one after another (the model itself uses every core). It is loaded
 * once per process, on first use, since loading takes about a second; a remote-only
 * application never pays for it.
 */
final class LocalTextEmbedder implements TextEmbedder {
    private final ClientSpec spec;

    LocalTextEmbedder(ClientSpec spec) {
        this.spec = spec;
    }

    private static final class Model {
        static final EmbeddingModel INSTANCE = load();

        private static EmbeddingModel load() {
            for (InProcessModel model : ServiceLoader.load(InProcessModel.class, LocalTextEmbedder.class.getClassLoader())) {
                if (model.name().equals("all-minilm-l6-v2")) {
                    return model.load();
                }
            }
            return null;
        }
    }

    @Override
    public List<float[]> embed(List<String> texts, CallStats stats) {
        return embed(texts, stats, () -> false);
    }

    @Override
    public List<float[]> embed(List<String> texts, CallStats stats, BooleanSupplier cancelled) {
        EmbeddingModel model = Model.INSTANCE;
        if (model == null) {
            throw new RembedException("the in-process model all-minilm-l6-v2 is not on the classpath: add the "
                    + "artifact io.github.rembed:rembed-minilm (the shell and the demo include it)");
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += spec.batchSize()) {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new RembedException(spec.describe() + ": cancelled");
            }
            List<TextSegment> chunk = texts.subList(from, Math.min(texts.size(), from + spec.batchSize()))
                    .stream().map(TextSegment::from).toList();
            List<float[]> vectors = model.embedAll(chunk).content().stream().map(Embedding::vector).toList();
            ReplyCheck.check(vectors, chunk.size(), spec.describe());
            out.addAll(vectors);
            stats.embedded(vectors.size());
        }
        return out;
    }

    @Override
    public ClientSpec spec() {
        return spec;
    }
}
