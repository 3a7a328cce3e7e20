package io.github.rembed.shell;

/** {@code .mode}, {@code .headers}, {@code .separator}: how results look. */
final class OutputCommands implements DotCommandFamily {
    @Override
    public void register(DotCommands commands) {
        commands.add("mode", ".mode " + OutputMode.labels(), "set the output format (list by default)",
                (session, args) -> {
                    if (args.isEmpty()) {
                        session.out().text("current output mode: " + session.settings().mode.label() + "\n");
                        return;
                    }
                    session.settings().mode(OutputMode.named(args.get(0)).orElseThrow(() -> new ShellError(
                            ".mode: unknown mode \"" + args.get(0) + "\"; choose one of " + OutputMode.labels())));
                });
        commands.add("headers", ".headers on|off", "show column names above the rows",
                (session, args) -> session.settings().headers = DotArgs.bool(one(args, ".headers on|off"), "headers"));
        commands.add("separator", ".separator COL [ROW]", "set the column (and row) separator of list mode",
                (session, args) -> {
                    if (args.isEmpty() || args.size() > 2) {
                        throw new ShellError("Usage: .separator COL [ROW]");
                    }
                    session.settings().columnSeparator = DotArgs.unescape(args.get(0));
                    if (args.size() == 2) {
                        session.settings().rowSeparator = DotArgs.unescape(args.get(1));
                    }
                });
    }

    static String one(java.util.List<String> args, String usage) {
        if (args.size() != 1) {
            throw new ShellError("Usage: " + usage);
        }
        return args.get(0);
    }
}
