package io.github.rembed.shell;

import java.io.BufferedReader;
import java.io.IOException;

/** Lines from a reader; with prompts when stdin is interactive but no line editor is available. */
final class ReaderInput implements LineInput {
    static final String PROMPT = "rembed> ";
    static final String CONTINUE = "   ...> ";

    private final BufferedReader reader;
    private final Output prompts;

    /** @param prompts where to print prompts, or null for a script */
    ReaderInput(BufferedReader reader, Output prompts) {
        this.reader = reader;
        this.prompts = prompts;
    }

    @Override
    public String readLine(boolean continuation) throws IOException {
        if (prompts != null) {
            prompts.prompt(continuation ? CONTINUE : PROMPT);
        }
        return reader.readLine();
    }

    @Override
    public boolean interactive() {
        return prompts != null;
    }
}
