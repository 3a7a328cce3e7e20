package io.github.rembed;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * Test images: real PNGs (2x2 pixels) made unique by bytes after the PNG data, so the
 * process-wide cache never serves one test another test's image. A {@code FAULT:...} marker
 * in those bytes makes the simulator fail that one image.
 */
public final class TestImages {
    private static final byte[] BASE = encodePng();
    private static final String RUN = UUID.randomUUID().toString();
    private static final AtomicLong NEXT = new AtomicLong();

    private TestImages() {
    }

    /** A PNG no other call returns. */
    public static byte[] unique() {
        return withTrailer("unique " + RUN + " " + NEXT.incrementAndGet());
    }

    /** A unique PNG carrying a simulator marker such as {@code FAULT:500}. */
    public static byte[] withFault(String marker) {
        return withTrailer(marker + " " + RUN + " " + NEXT.incrementAndGet());
    }

    public static String base64(byte[] image) {
        return Base64.getEncoder().encodeToString(image);
    }

    /** A SQL string literal of the image's base64. */
    public static String sqlBase64(byte[] image) {
        return "'" + base64(image) + "'";
    }

    private static byte[] withTrailer(String trailer) {
        byte[] t = trailer.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[BASE.length + t.length];
        System.arraycopy(BASE, 0, out, 0, BASE.length);
        System.arraycopy(t, 0, out, BASE.length, t.length);
        return out;
    }

    private static byte[] encodePng() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        img.setRGB(1, 1, 0x00FF00);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
