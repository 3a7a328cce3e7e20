package io.github.rembed.simulator;

import java.util.Arrays;

/**
 * Recognises image bytes by their magic numbers, as a real vision model's decoder would. The
 * simulator keeps its own table rather than the library's, so a library bug in recognising
 * images cannot hide behind the stand-in server agreeing with it.
 */
final class ImageFormat {
    private record Signature(String name, int offset, byte[] magic) {
        boolean matches(byte[] b) {
            return b.length >= offset + magic.length
                    && Arrays.equals(b, offset, offset + magic.length, magic, 0, magic.length);
        }
    }

    private static final Signature[] SIGNATURES = {
        new Signature("png", 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
        new Signature("jpeg", 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        new Signature("gif", 0, "GIF87a".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        new Signature("gif", 0, "GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
    };

    private ImageFormat() {
    }

    /** "png", "jpeg", "gif", "webp" or "bmp"; null when the bytes are not an image. */
    static String of(byte[] b) {
        for (Signature s : SIGNATURES) {
            if (s.matches(b)) {
                return s.name();
            }
        }
        if (b.length >= 12 && new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
                && new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP")) {
            return "webp";
        }
        return b.length >= 26 && b[0] == 'B' && b[1] == 'M' ? "bmp" : null;
    }
}
