package io.github.rembed.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The shell as a separate process (the test JVM's own java and classpath), for pipes and terminals. */
final class ShellProcess {
    private ShellProcess() {
    }

    /** {@code java ... io.github.rembed.shell.Shell ARGS}, with {@code home} as the user's home directory. */
    static List<String> command(Path home, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), Shell.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A script that runs the shell (stdin a terminal), for tmux to start without quoting trouble. */
    static Path script(Path dir, Path home, String... args) throws Exception {
        String line = command(home, args).stream().map(ShellProcess::quote).collect(Collectors.joining(" "));
        Path script = dir.resolve("run-shell.sh");
        Files.writeString(script, "#!/bin/sh\ncd " + quote(dir.toString()) + "\nexec " + line + "\n");
        script.toFile().setExecutable(true);
        return script;
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
