package io.github.rembed.shell;

import java.util.List;

/** What a dot command does with its arguments (the words after the command name). */
@FunctionalInterface
interface DotCommand {
    void run(Session session, List<String> args) throws Exception;
}
