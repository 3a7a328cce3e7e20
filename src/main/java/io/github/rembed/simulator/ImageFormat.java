package io.github.rembed.simulator;

import io.github.rembed.vision.ImageType;
import java.util.Locale;

/** Recognises image bytes by their magic numbers, as a real vision model's decoder would. */
final class ImageFormat {
    private ImageFormat() {
    }

    /** "png", "jpeg", "gif", "webp" or "bmp"; null when the bytes are not an image. */
    static String of(byte[] b) {
        return ImageType.detect(b).map(t -> t.name().toLowerCase(Locale.ROOT)).orElse(null);
    }
}
