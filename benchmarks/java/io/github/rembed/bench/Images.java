package io.github.rembed.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Distinct test images: a valid 1x1 PNG followed by padding that makes each one unique, so no
 * benchmark row is helped by the caption cache of an earlier row.
 */
final class Images {
    /** A complete 1x1 PNG; bytes after its IEND chunk are ignored by decoders. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final AtomicLong NEXT = new AtomicLong();

    private Images() {
    }

    /** A new image of {@code bytes} bytes (at least the PNG itself plus 8) never returned before. */
    static byte[] next(int bytes) {
        byte[] out = new byte[Math.max(bytes, PNG.length + 8)];
        System.arraycopy(PNG, 0, out, 0, PNG.length);
        long id = NEXT.incrementAndGet();
        ByteBuffer.wrap(out, PNG.length, 8).putLong(id);
        for (int i = PNG.length + 8; i < out.length; i++) {
            out[i] = (byte) (id * 31 + i);
        }
        return out;
    }

    static List<byte[]> list(int count, int bytes) {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next(bytes));
        }
        return out;
    }

    /** A JSON array of the images as base64 strings, what the SQL functions take. */
    static String jsonArray(List<byte[]> images) {
        StringBuilder sb = new StringBuilder(images.size() * (images.isEmpty() ? 2 : images.get(0).length * 4 / 3 + 4));
        sb.append('[');
        for (int i = 0; i < images.size(); i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(Base64.getEncoder().encodeToString(images.get(i))).append('"');
        }
        return sb.append(']').toString();
    }

    /** {@code count} fresh images made one at a time as they are pulled, so none is held in advance. */
    static Iterator<byte[]> lazy(long count, int bytes) {
        return new Iterator<>() {
            private long made;

            @Override
            public boolean hasNext() {
                return made < count;
            }

            @Override
            public byte[] next() {
                made++;
                return Images.next(bytes);
            }
        };
    }
}
