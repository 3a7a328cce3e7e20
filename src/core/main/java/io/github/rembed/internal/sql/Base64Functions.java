package io.github.rembed.internal.sql;

import io.github.rembed.RembedException;
import java.util.Base64;

/** {@code base64_encode(blob)} and {@code base64_decode(text)}. */
final class Base64Functions {
    private Base64Functions() {
    }

    /** Strict decoding (whitespace and line breaks allowed): corrupt input is an error, never a shorter BLOB. */
    static byte[] decode(String text) {
        String compact = text.replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException standard) {
            try {
                return Base64.getUrlDecoder().decode(compact);
            } catch (IllegalArgumentException urlSafe) {
                throw new RembedException("not valid base64: " + standard.getMessage());
            }
        }
    }

    static final class Encode extends SqlFunction {
        Encode() {
            super("base64_encode");
        }

        @Override
        void call() throws Exception {
            requireArgs(1, "base64_encode(blob)");
            if (isNull(0)) {
                result();
                return;
            }
            result(Base64.getEncoder().encodeToString(blob(0)));
        }
    }

    static final class Decode extends SqlFunction {
        Decode() {
            super("base64_decode");
        }

        @Override
        void call() throws Exception {
            requireArgs(1, "base64_decode(text)");
            if (isNull(0)) {
                result();
                return;
            }
            result(decode(text(0, "argument")));
        }
    }
}
