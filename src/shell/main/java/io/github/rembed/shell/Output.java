package io.github.rembed.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Query output as bytes: text goes out as UTF-8, BLOBs as their raw bytes, like sqlite3. */
final class Output {
    private final OutputStream out;

    Output(OutputStream out) {
        this.out = out;
    }

    void text(String s) {
        write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Text derived from a cell: a BLOB's chars stand for its bytes (see {@link Cell#chars()}). */
    void derived(String s, Cell from) {
        write(s.getBytes(from.kind() == Cell.Kind.BLOB ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
    }

    void cell(Cell c) {
        write(c.bytes());
    }

    void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
