package io.github.rembed.shell;

/** A group of related dot commands; each family adds its commands to the registry. */
interface DotCommandFamily {
    void register(DotCommands commands);
}
