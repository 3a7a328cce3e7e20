package io.github.rembed.internal.embed;

import io.github.rembed.RembedException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** The vector format shared with sqlite-vec: little-endian float32, no header. */
public final class Vectors {
    private Vectors() {
    }

    public static byte[] toBlob(float[] vector) {
        ByteBuffer out = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.asFloatBuffer().put(vector);
        return out.array();
    }

    public static float[] fromBlob(byte[] blob) {
        if (blob.length % Float.BYTES != 0) {
            throw new RembedException("a vector BLOB must be a multiple of 4 bytes, got " + blob.length);
        }
        float[] out = new float[blob.length / Float.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    public static String toBase64(float[] vector) {
        return Base64.getEncoder().encodeToString(toBlob(vector));
    }
}
