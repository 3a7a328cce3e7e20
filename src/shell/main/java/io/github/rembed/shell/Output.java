package io.github.rembed.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Query output as bytes: text goes out as UTF-8, BLOBs as their raw bytes, like sqlite3.
 * Output goes to stdout, or to the file or pipe that {@code .output}/{@code .once} chose.
 * When stdout is closed (the reader went away, as {@code head -1} does) writing throws
 * {@link OutputClosed}, which ends the shell.
 */
final class Output {
    private final OutputStream stdout;
    private OutputStream target;
    private String targetName = "stdout";
    private Runnable afterClose = () -> { };
    /** Commands left before a {@code .once} redirection ends; 0 when none is pending. */
    private int onceCountdown;

    Output(OutputStream stdout) {
        this.stdout = stdout;
        this.target = stdout;
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
            target.write(bytes);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    void flush() {
        try {
            target.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** A prompt: always to stdout, even while {@code .output} sends results elsewhere, as in sqlite3. */
    void prompt(String s) {
        try {
            stdout.write(s.getBytes(StandardCharsets.UTF_8));
            stdout.flush();
        } catch (IOException e) {
            throw new OutputClosed(e);
        }
    }

    private RuntimeException failure(IOException e) {
        if (target == stdout) {
            return new OutputClosed(e);
        }
        return new ShellError("cannot write to \"" + targetName + "\": " + e.getMessage());
    }

    /**
     * Sends output to {@code to} until {@link #restore()}; with {@code once}, only the output
     * of the command after this one. {@code afterClose} runs once the target is closed (a
     * pipe's command is waited for there).
     */
    void redirect(OutputStream to, String name, boolean once, Runnable afterClose) {
        restore();
        this.target = to;
        this.targetName = name;
        this.afterClose = afterClose;
        this.onceCountdown = once ? 2 : 0;
    }

    /** Back to stdout, closing the file or pipe that was the target. */
    void restore() {
        onceCountdown = 0;
        if (target == stdout) {
            return;
        }
        OutputStream old = target;
        String oldName = targetName;
        Runnable done = afterClose;
        target = stdout;
        targetName = "stdout";
        afterClose = () -> { };
        try {
            old.close();
        } catch (IOException e) {
            throw new ShellError("cannot write to \"" + oldName + "\": " + e.getMessage());
        } finally {
            done.run();
        }
    }

    /** Called after each command (SQL or dot command): ends a {@code .once} redirection in time. */
    void commandDone() {
        if (onceCountdown > 0 && --onceCountdown == 0) {
            restore();
        }
    }

    /** {@code stdout}, or the name of the file or pipe output goes to, as {@code .show} prints it. */
    String targetName() {
        return targetName;
    }

    boolean toStdout() {
        return target == stdout;
    }
}
