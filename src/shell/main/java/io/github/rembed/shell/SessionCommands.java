package io.github.rembed.shell;

/** {@code .bail}, {@code .echo}, {@code .timer}, {@code .exit}, {@code .quit}, {@code .print}, {@code .help}. */
final class SessionCommands implements DotCommandFamily {
    @Override
    public void register(DotCommands commands) {
        commands.add("bail", ".bail on|off", "stop at the first error (exit code 1)",
                (session, args) -> session.settings().bail = DotArgs.bool(OutputCommands.one(args, ".bail on|off"), "bail"));
        commands.add("echo", ".echo on|off", "print each command before running it",
                (session, args) -> session.settings().echo = DotArgs.bool(OutputCommands.one(args, ".echo on|off"), "echo"));
        commands.add("timer", ".timer on|off", "print the run time of each statement",
                (session, args) -> session.settings().timer = DotArgs.bool(OutputCommands.one(args, ".timer on|off"), "timer"));
        commands.add("exit", ".exit [CODE]", "leave the shell with CODE (default: 1 if an error happened, else 0)",
                (session, args) -> {
                    if (args.isEmpty()) {
                        throw new ShellExit(-1);
                    }
                    try {
                        throw new ShellExit(Integer.parseInt(args.get(0)));
                    } catch (NumberFormatException e) {
                        throw new ShellError(".exit: \"" + args.get(0) + "\" is not an exit code");
                    }
                });
        commands.add("quit", ".quit", "leave the shell", (session, args) -> {
            throw new ShellExit(-1);
        });
        commands.add("print", ".print TEXT...", "print the words of TEXT on one line",
                (session, args) -> session.out().text(String.join(" ", args) + "\n"));
        commands.add("help", ".help", "list the dot commands", (session, args) -> {
            int width = session.commands().all().stream().mapToInt(e -> e.usage().length()).max().orElse(0);
            for (DotCommands.Entry e : session.commands().all()) {
                session.out().text(e.usage() + " ".repeat(width - e.usage().length() + 2) + e.help() + "\n");
            }
        });
    }
}
