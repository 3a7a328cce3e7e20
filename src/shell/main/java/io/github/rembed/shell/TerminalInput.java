package io.github.rembed.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Lines typed at a terminal, through JLine: line editing, Up/Down through the history, which
 * is kept in a file across sessions (like readline's {@code ~/.sqlite_history} for sqlite3).
 * Ctrl-C at the prompt keeps what was typed, as sqlite3 does, and counts toward the three
 * that end the shell; Ctrl-D on an empty line ends the input.
 */
final class TerminalInput implements LineInput, AutoCloseable {
    /** sqlite3 keeps this many lines of history. */
    private static final int HISTORY_LINES = 2000;

    private final Terminal terminal;
    private final LineReader reader;
    private final Interrupts interrupts;
    /** The lines after the first of a multi-line paste, handed out one by one. */
    private final Deque<String> pasted = new ArrayDeque<>();

    private TerminalInput(Terminal terminal, Path historyFile, Interrupts interrupts) {
        this.terminal = terminal;
        this.interrupts = interrupts;
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("rembed")
                .history(new KeylessHistory())
                .variable(LineReader.HISTORY_SIZE, HISTORY_LINES)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_LINES)
                // SQL is full of '!' ("a != b"); it is never a history reference here.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false);
        if (historyFile != null) {
            KeylessHistory.prepare(historyFile);
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        this.reader = builder.build();
        terminal.handle(Terminal.Signal.INT, signal -> interrupts.interrupt());
    }

    /** A line editor on the process's terminal, or null when there is no terminal to edit on. */
    static TerminalInput open(Path historyFile, Interrupts interrupts) {
        try {
            // No grapheme-cluster probe: on a slow terminal its late reply (ESC[?1;2c) lands in the typed line.
            Terminal terminal = TerminalBuilder.builder().system(true).dumb(false)
                    .encoding(StandardCharsets.UTF_8).nativeSignals(true).graphemeCluster(false).build();
            return new TerminalInput(terminal, historyFile, interrupts);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String readLine(boolean continuation) {
        if (!pasted.isEmpty()) {
            return pasted.poll();
        }
        String prompt = continuation ? ReaderInput.CONTINUE : ReaderInput.PROMPT;
        String typed = null;
        while (true) {
            try {
                String line = typed == null ? reader.readLine(prompt) : reader.readLine(prompt, null, (Character) null, typed);
                String[] lines = line.split("\n", -1);
                for (int i = 1; i < lines.length; i++) {
                    pasted.add(lines[i]);
                }
                return lines[0];
            } catch (UserInterruptException e) {
                interrupts.atPrompt();
                typed = e.getPartialLine();
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
