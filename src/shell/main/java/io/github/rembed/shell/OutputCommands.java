package io.github.rembed.shell;

import java.util.List;
import java.util.Locale;

/** {@code .mode}, {@code .headers} (also {@code .header}), {@code .separator}: how results look. */
final class OutputCommands implements DotCommandFamily {
    private static final String MODE_USAGE = ".mode " + OutputMode.labels()
            + " [--wrap N] [--wordwrap on|off] [--ww] [--quote] [--noquote]";

    @Override
    public void register(DotCommands commands) {
        commands.add("mode", MODE_USAGE, "set the output format (list by default)", OutputCommands::mode);
        commands.add("headers", ".headers on|off", "show column names above the rows (.header too)",
                (session, args) -> {
                    session.settings().headers = DotArgs.bool(one(args, ".headers on|off"), "headers");
                    session.settings().headersSet = true;
                });
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

    /**
     * As sqlite3: a mode name (or prefix) and the tabular modes' options; without a name, the
     * current mode is printed and set again with the options given.
     */
    private static void mode(Session session, List<String> args) {
        Settings s = session.settings();
        String name = null;
        int wrap = Settings.DEFAULT_WRAP;
        boolean wordWrap = false;
        boolean quote = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.startsWith("--") ? a.substring(2) : a.startsWith("-") ? a.substring(1) : null;
            if (option != null && option.equals("wrap") && i + 1 < args.size()) {
                wrap = wrapWidth(args.get(++i));
            } else if ("ww".equals(option)) {
                wordWrap = true;
            } else if ("wordwrap".equals(option) && i + 1 < args.size()) {
                wordWrap = DotArgs.bool(args.get(++i), "mode");
            } else if ("quote".equals(option)) {
                quote = true;
            } else if ("noquote".equals(option)) {
                quote = false;
            } else if (option == null && name == null) {
                name = a;
                if (a.equals("qbox")) {
                    name = "box";
                    quote = true;
                }
            } else if (option != null) {
                throw new ShellError("unknown option: " + a + "\noptions:\n  --noquote\n  --quote\n"
                        + "  --wordwrap on/off\n  --wrap N\n  --ww");
            } else {
                throw new ShellError("extra argument: \"" + a + "\"");
            }
        }
        if (name == null) {
            session.out().text("current output mode: " + s.modeDescription() + "\n");
            name = s.modeName();
        }
        String requested = name;
        OutputMode mode = OutputMode.named(name).orElseThrow(() -> new ShellError("mode should be one of: "
                + OutputMode.labels().replace('|', ' ') + " (got \"" + requested.toLowerCase(Locale.ROOT) + "\")"));
        s.mode(mode);
        if (mode.tabular()) {
            s.wrap = wrap;
            s.wordWrap = wordWrap;
            s.quote = quote;
        }
        if (mode == OutputMode.COLUMN && !s.headersSet) {
            s.headers = true;
        }
    }

    private static int wrapWidth(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ShellError(".mode: --wrap takes a number of characters, got \"" + value + "\"");
        }
    }

    static String one(List<String> args, String usage) {
        if (args.size() != 1) {
            throw new ShellError("Usage: " + usage);
        }
        return args.get(0);
    }
}
