package io.github.rembed.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.github.rembed.client.ClientSpec;
import io.github.rembed.engine.CallStats;
import java.nio.file.Path;
import java.util.List;

/**
 * The in-process all-MiniLM-L6-v2 (quantized) model: 384 dimensions, no network. The model
 * is loaded once per process, on first use, since loading takes about a second.
 */
final class LocalTextEmbedder extends ChunkedEmbedder {
    static final int DIMENSIONS = 384;

    LocalTextEmbedder(ClientSpec spec) {
        super(spec);
    }

    private static final class Model {
        static final EmbeddingModel INSTANCE = load();

        private static EmbeddingModel load() {
            // The tokenizer unpacks its native library under DJL_CACHE_DIR; keep it with our own cache.
            if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
                System.setProperty("DJL_CACHE_DIR",
                        Path.of(System.getProperty("user.home"), ".cache", "rembed", "djl").toString());
            }
            return new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
    }

    @Override
    List<float[]> embedChunk(List<TextSegment> chunk, CallStats stats) {
        return Model.INSTANCE.embedAll(chunk).content().stream().map(Embedding::vector).toList();
    }
}
