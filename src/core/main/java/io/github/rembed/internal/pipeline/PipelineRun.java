package io.github.rembed.internal.pipeline;

import io.github.rembed.BatchStats;
import io.github.rembed.ItemResult;
import io.github.rembed.Stage;
import io.github.rembed.internal.concurrency.Workers;
import io.github.rembed.internal.engine.CallStats;
import io.github.rembed.internal.vision.ImageDescriber;
import io.github.rembed.internal.vision.ImageType;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One call through the pipeline, scheduled as a sliding window. The calling thread pulls
 * items while fewer than the window are unfinished and fewer than the limit hold their
 * image, starts their vision requests, hands results to the sink as they come and watches
 * for cancellation; worker threads do the requests and report back through {@link #events}.
 * Every started item ends with exactly one result, whatever happens.
 */
final class PipelineRun {
    /** How often the waiting caller asks whether it was cancelled. */
    private static final long POLL_MS = 20;

    private final ImagePipeline pipeline;
    private final Cancellation cancel;
    private final Workers workers;
    private final RunStats stats;
    private final ImageDescriber captioner;
    private final CaptionBatcher batcher;
    private final BlockingQueue<RunEvent> events = new LinkedBlockingQueue<>();
    // The fields below belong to the calling thread alone.
    /** Items started whose result the sink has not had yet, in index order for the cancellation report. */
    private final TreeSet<Integer> outstanding = new TreeSet<>();
    /** Items whose image bytes are still held: started, vision not yet over. */
    private int imagesHeld;
    private int successful;
    private int failed;

    PipelineRun(ImagePipeline p, Thread caller, Cancellation cancel, CallStats.Observer observer) {
        PipelineRuntime runtime = p.runtime;
        this.pipeline = p;
        this.cancel = cancel;
        this.workers = new Workers(caller, "rembed-pipeline", runtime.liveWorkers);
        this.stats = new RunStats(p, observer);
        this.captioner = new CachingImageDescriber(new VisionStage(p.vision, p.visionEndpoints, p.retry, stats,
                workers::stopping, p.maxCaptionBytes), runtime.caches, stats.vision);
        CachingTextEmbedder embedder = new CachingTextEmbedder(new EmbeddingStage(p.embedder, stats), runtime.caches);
        this.batcher = new CaptionBatcher(embedder, p.batchSize, workers, stats.embedding, this::post);
    }

    BatchStats run(Iterator<? extends ImageInput> source, Consumer<? super ItemResult> sink) {
        long start = System.nanoTime();
        int pulled = 0;
        boolean cancelled = false;
        boolean interrupted = false;
        boolean clean = false;
        long nextCheck = System.nanoTime();
        try {
            while (true) {
                // The limits may change while the call runs (an adaptive limit, an endpoint set aside).
                int held = pipeline.imagesHeld();
                int window = 2 * held;
                while (!cancelled && outstanding.size() < window && imagesHeld < held && source.hasNext()) {
                    ImageInput item = source.next();
                    int index = pulled++;
                    outstanding.add(index);
                    start(index, item);
                }
                if (outstanding.isEmpty()) {
                    break;
                }
                RunEvent event;
                try {
                    event = events.poll(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    event = null;
                }
                for (; event != null; event = events.poll()) {
                    handle(event, sink);
                }
                batcher.flushOverdue(System.nanoTime(), stats.captionWaitNanos());
                if (!cancelled && (interrupted || System.nanoTime() >= nextCheck && cancel.cancelled())) {
                    cancelled = true;
                    workers.stop();
                    outstanding.forEach(index -> deliver(ItemErrors.cancelled(index), sink));
                    outstanding.clear();
                }
                if (System.nanoTime() >= nextCheck) {
                    nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MS);
                }
            }
            clean = true;
        } finally {
            if (!clean) {
                workers.stop();
            }
            workers.finish();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return stats.total(pulled, successful, failed, System.nanoTime() - start);
    }

    private void handle(RunEvent event, Consumer<? super ItemResult> sink) {
        switch (event) {
            case RunEvent.ImageReleased released -> imagesHeld--;
            case RunEvent.Finished finished -> {
                if (outstanding.remove(finished.result().index())) {
                    deliver(finished.result(), sink);
                }
            }
        }
    }

    private void deliver(ItemResult r, Consumer<? super ItemResult> sink) {
        if (r instanceof ItemResult.Embedded) {
            successful++;
        } else {
            failed++;
        }
        sink.accept(r);
    }

    /** Refuses a non-image at once; otherwise starts its vision request. */
    private void start(int index, ImageInput item) {
        switch (item) {
            case ImageInput.Invalid invalid -> post(ItemErrors.input(index, invalid.reason()));
            case ImageInput.Bytes bytes -> {
                Optional<ImageType> type = ImageType.detect(bytes.bytes());
                if (type.isEmpty()) {
                    post(ItemErrors.notAnImage(index, bytes.bytes()));
                } else {
                    imagesHeld++;
                    batcher.describing();
                    workers.execute(() -> vision(index, bytes.bytes(), type.get()));
                }
            }
        }
    }

    /**
     * On a worker: captions one image, then hands the caption to the batcher. The image's
     * slot is given back as soon as its vision is over, so new images keep the vision stage
     * busy while earlier captions are still being embedded.
     */
    private void vision(int index, byte[] image, ImageType type) {
        String caption;
        try {
            caption = captioner.describe(image, type);
        } catch (Throwable e) {
            post(ItemErrors.failed(index, Stage.VISION, e, workers.stopping()));
            batcher.describedNothing();
            return;
        } finally {
            events.add(RunEvent.IMAGE_RELEASED);
        }
        batcher.add(index, caption);
    }

    private void post(ItemResult result) {
        events.add(new RunEvent.Finished(result));
    }
}
