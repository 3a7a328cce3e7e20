package io.github.rembed.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reply bodies a hostile or broken server sends: endless, huge, stalled, trickled a byte at a
 * time, or missing after the headers. Each starts like a real embedding reply, so only the
 * client's size limit and deadline can stop it. Writing ends when the client goes away or the
 * simulator closes.
 */
final class HostileBodies {
    /** What every hostile body starts with: the opening of an Ollama embedding reply. */
    static final byte[] PREFIX = "{\"embeddings\":[[".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 64 * 1024;
    private static final byte[] FILLER = filler();

    private HostileBodies() {
    }

    /** Sends {@code fault}'s reply; false when the fault is not about the body. */
    static boolean send(HttpExchange ex, Fault fault, CountDownLatch closed) throws IOException, InterruptedException {
        switch (fault) {
            case Fault.EndlessBody e -> {
                try (OutputStream out = start(ex, e.status(), 0)) {
                    while (closed.getCount() > 0) {
                        out.write(FILLER);
                        out.flush();
                    }
                }
            }
            case Fault.HugeBody h -> {
                try (OutputStream out = start(ex, 200, h.bytes())) {
                    for (long left = h.bytes() - PREFIX.length; left > 0 && closed.getCount() > 0; left -= CHUNK) {
                        out.write(FILLER, 0, (int) Math.min(CHUNK, left));
                    }
                }
            }
            case Fault.StalledBody s -> {
                OutputStream out = start(ex, 200, 0);
                out.flush();
                closed.await();
            }
            case Fault.Slowloris s -> {
                OutputStream out = start(ex, 200, 0);
                out.flush();
                while (!closed.await(s.interval().toNanos(), TimeUnit.NANOSECONDS)) {
                    out.write('0');
                    out.flush();
                }
            }
            case Fault.HangAfterHeaders h -> {
                ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                ex.sendResponseHeaders(200, 0);
                ex.getResponseBody().flush();
                closed.await();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Sends the headers ({@code length} 0 means chunked) and the body's first bytes. */
    private static OutputStream start(HttpExchange ex, int status, long length) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, length);
        OutputStream out = ex.getResponseBody();
        out.write(PREFIX);
        return out;
    }

    /** Numbers that keep the body looking like a vector for as long as it runs. */
    private static byte[] filler() {
        byte[] b = new byte[CHUNK];
        byte[] number = "0.125,".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < b.length; i++) {
            b[i] = number[i % number.length];
        }
        return b;
    }
}
