package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.SimulatedProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell at a real terminal (a tmux pseudo-terminal): Ctrl-C cancels a hung rembed call
 * and the session (with its in-memory tables) goes on; Ctrl-C at the prompt keeps the typed
 * text; Up recalls history, which is saved to ~/.rembed_history; three Ctrl-C in a row exit.
 * Skipped where tmux is not installed.
 */
class TerminalTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed");
    }

    private Tmux startShell() throws Exception {
        Path script = ShellProcess.script(dir, dir);
        // "EXIT=" shows the status once the shell ends; the pane stays open to be read.
        return Tmux.start(dir, "unset REMBED_HISTORY; " + ShellProcess.quote(script.toString())
                + "; echo EXIT=$?; sleep 120");
    }

    /** The prompt lines on screen, trailing blanks trimmed. */
    private static List<String> lines(String screen) {
        return screen.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).collect(Collectors.toList());
    }

    @Test
    void ctrlCCancelsTheRunningStatementAndKeepsTheSession() throws Exception {
        try (SimulatedProvider sim = SimulatedProvider.builder().embeddingDimensions(8).start();
             Tmux tty = startShell()) {
            tty.awaitText("rembed>");
            tty.type("CREATE TABLE kept(x); INSERT INTO kept VALUES (42);");
            tty.keys("Enter");
            tty.type("INSERT INTO temp.rembed_clients(name, options) VALUES ('sim', rembed_client_options("
                    + "'format', 'ollama', 'model', 'nomic-embed-text', 'url', '" + sim.baseUrl() + "'));");
            tty.keys("Enter");
            tty.type("SELECT length(rembed('sim', 'FAULT:HANG'));"); // the simulator never answers this one
            tty.keys("Enter");
            long deadline = System.currentTimeMillis() + 60_000;
            while (sim.metrics().requests(Endpoint.OLLAMA_EMBED) == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, sim.metrics().requests(Endpoint.OLLAMA_EMBED), "the request hangs at the provider");
            tty.keys("C-c");
            String screen = tty.awaitText("Runtime error: ");
            assertTrue(screen.contains("cancelled") || screen.contains("interrupted"), screen);
            tty.type("SELECT x FROM kept;");
            tty.keys("Enter");
            tty.await("the in-memory table's row", s -> lines(s).contains("42"));
            assertEquals(1, sim.metrics().requests(Endpoint.OLLAMA_EMBED), "the cancelled call is not retried");
        }
    }

    @Test
    void promptKeepsTextOnCtrlCRecallsHistoryAndThreeCtrlCExit() throws Exception {
        try (Tmux tty = startShell()) {
            tty.awaitText("rembed>");
            tty.type("SELECT 6 *");
            tty.keys("C-c"); // sqlite3 keeps the line too
            tty.type(" 7;");
            tty.keys("Enter");
            tty.await("the kept line's result", s -> lines(s).contains("42"));
            tty.type("SELECT 'multi',");
            tty.keys("Enter");
            tty.awaitText("   ...>");
            tty.type("'line';");
            tty.keys("Enter");
            tty.await("the continued statement's result", s -> lines(s).contains("multi|line"));
            // keys pressed before the prompt is drawn reach a terminal not yet in raw mode
            tty.await("the next prompt", s -> lines(s).get(lines(s).size() - 1).equals("rembed>"));
            tty.keys("Up", "Up");
            tty.await("the history entry", s -> lines(s).get(lines(s).size() - 1).equals("rembed> SELECT 'multi',"));
            tty.keys("C-u", "C-c", "C-c", "C-c");
            tty.awaitText("EXIT=1");
            List<String> history = Files.readAllLines(dir.resolve(".rembed_history"));
            assertEquals(List.of("SELECT 6 * 7;", "SELECT 'multi',", "'line';"), history);
        }
    }
}
