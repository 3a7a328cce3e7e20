package io.github.rembed.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.github.rembed.RembedException;
import io.github.rembed.client.ClientSpec;
import io.github.rembed.engine.CallStats;
import io.github.rembed.spi.InProcessModel;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The in-process model, found on the classpath (artifact {@code rembed-minilm}). It is loaded
 * once per process, on first use, since loading takes about a second; a remote-only
 * application never pays for it.
 */
final class LocalTextEmbedder extends ChunkedEmbedder {
    LocalTextEmbedder(ClientSpec spec) {
        super(spec);
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
    List<float[]> embedChunk(List<TextSegment> chunk, CallStats stats) {
        EmbeddingModel model = Model.INSTANCE;
        if (model == null) {
            throw new RembedException("the in-process model all-minilm-l6-v2 is not on the classpath: add the "
                    + "artifact io.github.rembed:rembed-minilm (the shell and the demo include it)");
        }
        return model.embedAll(chunk).content().stream().map(Embedding::vector).toList();
    }
}
