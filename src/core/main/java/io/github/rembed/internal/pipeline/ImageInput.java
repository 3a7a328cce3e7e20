package io.github.rembed.internal.pipeline;

import java.util.Objects;

/** One item handed to the pipeline: image bytes, or the reason it could not even be read. */
public sealed interface ImageInput {
    static ImageInput of(byte[] bytes) {
        return new Bytes(Objects.requireNonNull(bytes, "bytes"));
    }

    static ImageInput invalid(String reason) {
        return new Invalid(reason);
    }

    /** Bytes that still have to pass the image-format check. */
    record Bytes(byte[] bytes) implements ImageInput {
    }

    /** An item that fails at the input stage with this reason, without any request. */
    record Invalid(String reason) implements ImageInput {
    }
}
