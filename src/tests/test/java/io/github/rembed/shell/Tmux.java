package io.github.rembed.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program in a real pseudo-terminal, driven through tmux on a private socket: type text,
 * press keys, and wait (polling, with a generous deadline) for the screen to show something.
 */
final class Tmux implements AutoCloseable {
    private static final long DEADLINE_MS = 60_000;
    private final Path socket;
    private final Path dir;

    private Tmux(Path dir) {
        this.dir = dir;
        this.socket = dir.resolve("tmux.sock");
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts {@code command} (a shell command line) in a 120x40 terminal. */
    static Tmux start(Path dir, String command) throws Exception {
        Tmux t = new Tmux(dir);
        t.tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "t", command);
        return t;
    }

    /** Types {@code text} as if pasted (no key names interpreted), without pressing Enter. */
    void type(String text) throws Exception {
        Path buffer = dir.resolve("tmux-buffer.txt");
        Files.writeString(buffer, text, StandardCharsets.UTF_8);
        tmux("load-buffer", buffer.toString());
        tmux("paste-buffer", "-t", "t");
    }

    /** Presses keys by tmux name: Enter, Up, C-c, C-d, ... */
    void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    String screen() throws Exception {
        return tmux("capture-pane", "-p", "-t", "t");
    }

    /** Waits until the screen satisfies {@code test}; fails with the screen when the deadline passes. */
    String await(String what, Predicate<String> test) throws Exception {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        String screen = screen();
        while (!test.test(screen)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what + "; screen:\n" + screen);
            }
            Thread.sleep(50);
            screen = screen();
        }
        return screen;
    }

    String awaitText(String text) throws Exception {
        return await("\"" + text + "\"", s -> s.contains(text));
    }

    private String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        try {
            tmux("kill-server");
        } catch (IOException e) {
            // the server already ended with its last session
        }
    }
}
