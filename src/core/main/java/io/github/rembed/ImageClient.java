package io.github.rembed;

import io.github.rembed.client.MultimodalSpec;
import io.github.rembed.pipeline.Cancellation;
import io.github.rembed.pipeline.ImageInput;
import io.github.rembed.pipeline.ImagePipeline;
import io.github.rembed.pipeline.PipelineRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Embeds images from Java with the engine {@code rembed_images_concurrent} uses: each image
 * is captioned by the vision model and the caption embedded, many at once, with the
 * client's limits, retries and the process-wide cache. Thread-safe.
 *
 * <p>Streaming: {@link #embedEach(Iterator, Consumer)} pulls images lazily and hands each
 * result to the consumer as soon as it is ready, holding the bytes of at most
 * {@link #imagesHeld()} images and at most {@link #window()} unfinished items at a time, so a
 * source of any length runs in bounded memory. Interrupting the calling thread
 * (or the {@code stop} condition) cancels: no more images are pulled, requests in flight are
 * stopped and reported as {@link Stage#CANCELLED}.
 */
public final class ImageClient {
    private final MultimodalSpec spec;
    private final ImagePipeline pipeline;

    ImageClient(MultimodalSpec spec) {
        this.spec = spec;
        this.pipeline = PipelineRuntime.shared().pipeline(spec);
    }

    /** One image (PNG, JPEG, GIF, WebP or BMP bytes) to the embedding of its caption. */
    public float[] embed(byte[] image) {
        Objects.requireNonNull(image, "image");
        return pipeline.embedOne(ImageInput.of(image), Cancellation.NEVER);
    }

    public float[] embed(Path image) {
        return embed(read(image));
    }

    /** Every image, result {@code i} for image {@code i}; failures are items, not exceptions. */
    public BatchResult embedAll(List<byte[]> images) {
        List<ImageInput> inputs = new ArrayList<>(images.size());
        for (byte[] image : images) {
            inputs.add(image == null ? ImageInput.invalid("image is null") : ImageInput.of(image));
        }
        return pipeline.run(inputs, Cancellation.NEVER);
    }

    /**
     * Streams {@code images}: each result goes to {@code onResult} (on this thread) as it
     * completes, in completion order, carrying its input index. Returns when every image
     * pulled has its result.
     */
    public BatchStats embedEach(Iterator<byte[]> images, Consumer<? super ItemResult> onResult) {
        return embedEach(images, onResult, () -> false);
    }

    /** As {@link #embedEach(Iterator, Consumer)}, cancelled as soon as {@code stop} is true. */
    public BatchStats embedEach(Iterator<byte[]> images, Consumer<? super ItemResult> onResult, BooleanSupplier stop) {
        Objects.requireNonNull(stop, "stop");
        Iterator<ImageInput> inputs = map(images, b -> b == null ? ImageInput.invalid("image is null") : ImageInput.of(b));
        return pipeline.stream(inputs, onResult, stop::getAsBoolean);
    }

    public BatchStats embedEach(Stream<byte[]> images, Consumer<? super ItemResult> onResult) {
        return embedEach(images.iterator(), onResult);
    }

    /**
     * Streams image files, each read only when its turn comes; an unreadable file is an
     * {@link Stage#INPUT} failure of its item.
     */
    public BatchStats embedFiles(Stream<Path> files, Consumer<? super ItemResult> onResult) {
        Iterator<ImageInput> inputs = map(files.iterator(), path -> {
            try {
                return ImageInput.of(read(path));
            } catch (RembedException e) {
                return ImageInput.invalid(e.getMessage());
            }
        });
        return pipeline.stream(inputs, onResult, Cancellation.NEVER);
    }

    /** Most items outstanding at once while streaming: pulled from the source, result not yet delivered. */
    public int window() {
        return pipeline.window();
    }

    /**
     * Most images whose bytes are held at once while streaming, as the limits are now: the
     * vision servers' limits added up plus {@code batch_size} ({@code max_concurrent_requests +
     * batch_size} for one server with a fixed limit).
     */
    public int imagesHeld() {
        return pipeline.imagesHeld();
    }

    /** Vision and embedding models and URLs; never the key. */
    public String describe() {
        return spec.describe();
    }

    @Override
    public String toString() {
        return "ImageClient[" + describe() + "]";
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new RembedException("cannot read image " + path + ": " + e.getMessage());
        }
    }

    private static <T> Iterator<ImageInput> map(Iterator<T> source, java.util.function.Function<T, ImageInput> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public ImageInput next() {
                return f.apply(source.next());
            }
        };
    }
}
