package io.github.rembed.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** The deterministic vectors and captions the simulator serves. */
final class Outputs {
    /**
     * Vectors served lately: drawing one costs about as much CPU as a client spends on it, and
     * the simulator shares the client's machine, so benchmarks that send the same texts again
     * would otherwise measure the stand-in server. Bounded (about 12 MiB at 768 dimensions).
     */
    private static final int MEMO_ENTRIES = 4096;
    private static final Map<String, float[]> MEMO = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(MEMO_ENTRIES, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > MEMO_ENTRIES;
                }
            });

    private Outputs() {
    }

    /** SHA-256 of (model, text) seeds a Gaussian draw, scaled to unit length. */
    static float[] vector(String model, String text, int dimensions) {
        String key = dimensions + "\u0000" + model + "\u0000" + text;
        float[] known = MEMO.get(key);
        if (known != null) {
            return known.clone();
        }
        float[] v = draw(model, text, dimensions);
        MEMO.put(key, v.clone());
        return v;
    }

    private static float[] draw(String model, String text, int dimensions) {
        if (dimensions <= 0) {
            throw new IllegalArgumentException("dimensions must be > 0, got " + dimensions);
        }
        byte[] digest = sha256(model, text.getBytes(StandardCharsets.UTF_8));
        // java.util.Random's sequence is fixed by its specification, so vectors never drift.
        Random random = new Random(ByteBuffer.wrap(digest).getLong());
        float[] v = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            double g = random.nextGaussian();
            v[i] = (float) g;
            norm += g * g;
        }
        double scale = 1 / Math.sqrt(norm);
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) (v[i] * scale);
        }
        return v;
    }

    /** e.g. "A simulated photo 3f2a9c: 1234 bytes, png." */
    static String caption(String model, byte[] image) {
        String id = HexFormat.of().formatHex(sha256(model, image), 0, 3);
        return "A simulated photo " + id + ": " + image.length + " bytes, " + ImageFormat.of(image) + ".";
    }

    static byte[] sha256(String model, byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(content);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
