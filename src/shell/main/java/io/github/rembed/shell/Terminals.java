package io.github.rembed.shell;

import java.io.Console;

/**
 * Whether stdin and stderr are terminals. The launcher knows ({@code [ -t 0 ]}) and passes
 * {@code -Drembed.stdinIsTerminal} / {@code -Drembed.stderrIsTerminal}; without them the JDK's
 * console is asked, which cannot see stderr.
 */
final class Terminals {
    private Terminals() {
    }

    static boolean stdinIsTerminal() {
        String told = System.getProperty("rembed.stdinIsTerminal");
        return told != null ? Boolean.parseBoolean(told) : consoleIsTerminal();
    }

    static boolean stderrIsTerminal() {
        return Boolean.parseBoolean(System.getProperty("rembed.stderrIsTerminal", "false"));
    }

    /** JDK 22+ hands out a console even when redirected; {@code isTerminal()} (22+) tells. */
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only for a terminal
        }
    }
}
