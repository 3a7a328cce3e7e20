package io.github.rembed.shell;

import java.nio.file.Path;

/**
 * What the shell learns from the process it runs in.
 *
 * @param workingDirectory where relative file names point
 * @param home             where {@code .rembedrc} and {@code .rembed_history} live
 * @param stdinIsTerminal  whether a person types the input (prompts, no line numbers in errors)
 * @param stderrIsTerminal whether progress lines may be drawn
 * @param system           true in the real process: Ctrl-C is handled and a terminal gets the line editor;
 *                         false when the shell runs inside another program (tests)
 */
record ShellEnvironment(Path workingDirectory, Path home, boolean stdinIsTerminal, boolean stderrIsTerminal,
                        boolean system) {
    static ShellEnvironment ofProcess() {
        return new ShellEnvironment(Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")),
                Terminals.stdinIsTerminal(), Terminals.stderrIsTerminal(), true);
    }

    /** {@code $REMBED_HISTORY}, else {@code ~/.rembed_history} (sqlite3: {@code $SQLITE_HISTORY}, {@code ~/.sqlite_history}). */
    Path historyFile() {
        String told = System.getenv("REMBED_HISTORY");
        return told != null && !told.isBlank() ? Path.of(told) : home.resolve(".rembed_history");
    }
}
