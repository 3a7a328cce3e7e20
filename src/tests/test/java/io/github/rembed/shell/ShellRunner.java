package io.github.rembed.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs {@link Shell} in-process on a given stdin and captures stdout, stderr and the exit code. */
final class ShellRunner {
    record Result(int code, String out, String err, byte[] outBytes) {
    }

    private ShellRunner() {
    }

    static Result run(Path workingDirectory, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // The working directory doubles as home, so no ~/.rembedrc of the machine's user is read.
        int code = Shell.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8), workingDirectory, false, false);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                out.toByteArray());
    }

    static Result script(Path workingDirectory, String stdin) {
        return run(workingDirectory, stdin);
    }
}
