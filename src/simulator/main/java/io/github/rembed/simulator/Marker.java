package io.github.rembed.simulator;

import java.nio.charset.StandardCharsets;

/**
 * Faults asked for by the content itself ({@code FAULT:500} inside a text or image), so a
 * test can make exactly one item of a concurrent batch fail.
 */
enum Marker {
    STATUS_500("FAULT:500"),
    /** A request refused for what it holds, as a provider refuses a text it cannot take. */
    STATUS_400("FAULT:400"),
    TOO_MANY_REQUESTS("FAULT:429"),
    HANG("FAULT:HANG"),
    GARBAGE("FAULT:GARBAGE"),
    FLAKY("FAULT:FLAKY"),
    SLOW("FAULT:SLOW"),
    /** A caption of 6 MiB, far over any sensible text limit. */
    LONG_CAPTION("FAULT:LONG_CAPTION");

    private final byte[] ascii;

    Marker(String text) {
        this.ascii = text.getBytes(StandardCharsets.US_ASCII);
    }

    boolean in(byte[] content) {
        outer:
        for (int i = 0; i + ascii.length <= content.length; i++) {
            for (int j = 0; j < ascii.length; j++) {
                if (content[i + j] != ascii[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
