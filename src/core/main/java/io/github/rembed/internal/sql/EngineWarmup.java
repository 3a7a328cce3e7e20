package io.github.rembed.internal.sql;

import io.github.rembed.internal.embed.TextEmbedders;
import io.github.rembed.internal.pipeline.PipelineRuntime;
import io.github.rembed.internal.runtime.Engine;
import io.github.rembed.internal.vision.VisionModels;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads what a first remote call needs (the HTTP client of the first registration's runtime
 * and its TLS setup, the JSON mapping of the wire formats and chat models, the pipeline) on a background thread, once per
 * process, as soon as rembed is registered on a connection: by the time an application makes
 * its first call, most of it is done. It sends nothing and changes nothing a call could see. Set the
 * system property {@code rembed.warmup} to {@code false} to switch it off.
 */
final class EngineWarmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private EngineWarmup() {
    }

    /** @param engine the runtime of the first registration, whose HTTP client is built ahead of its first request */
    static void startOnce(Engine engine) {
        if (Boolean.parseBoolean(System.getProperty("rembed.warmup", "true")) && STARTED.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("rembed-warmup").start(() -> run(engine));
        }
    }

    private static void run(Engine engine) {
        for (Runnable step : new Runnable[] {engine::prepareHttp, TextEmbedders::warmUp, VisionModels::warmUp,
                PipelineRuntime::warmUp}) {
            try {
                step.run();
            } catch (RuntimeException | LinkageError e) {
                // A warm-up that fails costs nothing but the time it would have saved.
            }
        }
    }
}
