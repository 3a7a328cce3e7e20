package io.github.rembed.minilm;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.github.rembed.spi.InProcessModel;
import java.nio.file.Path;

/** all-MiniLM-L6-v2 (quantized) through LangChain4j's ONNX runtime: 384 dimensions, no network. */
public final class MiniLmModel implements InProcessModel {
    /** Creates the provider; the model itself loads in {@link #load()}. */
    public MiniLmModel() {
    }

    @Override
    public String name() {
        return "all-minilm-l6-v2";
    }

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public EmbeddingModel load() {
        // The tokenizer unpacks its native library under DJL_CACHE_DIR; keep it with rembed's own cache.
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR",
                    Path.of(System.getProperty("user.home"), ".cache", "rembed", "djl").toString());
        }
        return new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
}
