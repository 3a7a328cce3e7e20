package io.github.rembed.shell;

import java.io.IOException;

/** Where the shell's input lines come from: a script, a pipe, or the line editor at a terminal. */
interface LineInput {
    /**
     * The next line without its terminator, or null at the end of the input.
     *
     * @param continuation true while a statement is incomplete (the prompt is then {@code "   ...> "})
     */
    String readLine(boolean continuation) throws IOException;

    /** True when a person types the lines: errors are worded without line numbers then. */
    boolean interactive();
}
