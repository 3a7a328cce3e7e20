package io.github.rembed.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The command line, read as sqlite3 reads it: options may stand anywhere, the first other
 * word names the database and the rest are SQL (or dot commands) to run. Setting options and
 * {@code -cmd} commands are kept in their order, since sqlite3 applies them in that order
 * after the init file.
 */
final class ShellOptions {
    /** A setting option or a {@code -cmd} command, in command-line order. */
    sealed interface Step {
    }

    record Setting(Consumer<Settings> change) implements Step {
    }

    record Command(String text) implements Step {
    }

    /** What the user asked of the shell when it is not to run a session. */
    enum Action { RUN, HELP, VERSION }

    Action action = Action.RUN;
    String database;
    final List<String> sql = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    /** {@code -init FILE}; null reads {@code ~/.rembedrc} when it exists. */
    String initFile;
    boolean readonly;
    /** {@code -batch} (false) or {@code -interactive} (true); null lets stdin decide. */
    Boolean interactive;
    /** Started as plain {@code rembed}: sqlite3 then says the database is a transient in-memory one. */
    boolean noArguments;

    private ShellOptions() {
    }

    static ShellOptions parse(String[] args) {
        ShellOptions o = new ShellOptions();
        o.noArguments = args.length == 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-")) {
                if (o.database == null) {
                    o.database = a;
                } else {
                    o.sql.add(a);
                }
                continue;
            }
            String option = a.startsWith("--") ? a.substring(1) : a;
            switch (option) {
                case "-help", "-h" -> o.action = Action.HELP;
                case "-version" -> o.action = Action.VERSION;
                case "-bail" -> o.set(s -> s.bail = true);
                case "-echo" -> o.set(s -> s.echo = true);
                case "-header", "-headers" -> o.set(s -> headers(s, true));
                case "-noheader" -> o.set(s -> headers(s, false));
                case "-readonly" -> o.readonly = true;
                case "-batch" -> o.interactive = false;
                case "-interactive" -> o.interactive = true;
                case "-init" -> o.initFile = value(args, ++i, a);
                case "-cmd" -> o.steps.add(new Command(value(args, ++i, a)));
                case "-separator" -> {
                    String sep = DotArgs.unescape(value(args, ++i, a));
                    o.set(s -> s.columnSeparator = sep);
                }
                case "-newline" -> {
                    String sep = DotArgs.unescape(value(args, ++i, a));
                    o.set(s -> s.rowSeparator = sep);
                }
                // As in sqlite3, -list keeps the separators that -separator (or -csv) set.
                case "-list" -> o.set(s -> s.mode = OutputMode.LIST);
                case "-nullvalue" -> {
                    String text = DotArgs.unescape(value(args, ++i, a));
                    o.set(s -> s.nullValue = text);
                }
                default -> {
                    // -list, -csv, -json, -line, -column, -box, -table, -markdown, ...: the .mode of that name
                    OutputMode mode = OutputMode.exactly(option.substring(1)).orElseThrow(() -> new ShellError(
                            "unknown option: " + a + "\nUse -help for a list of options."));
                    o.set(s -> modeOption(s, mode));
                }
            }
        }
        return o;
    }

    /**
     * As sqlite3's options (unlike {@code .mode}): -csv sets the comma but keeps the row
     * separator, -tabs and -quote set both, the others change the mode only (a tabular mode
     * keeps the wrap width of 0, so -box does not wrap while {@code .mode box} wraps at 60).
     */
    private static void modeOption(Settings s, OutputMode mode) {
        switch (mode) {
            case CSV -> {
                s.mode = mode;
                s.columnSeparator = mode.columnSeparator;
            }
            case TABS, QUOTE -> {
                s.mode(mode);
                s.rowSeparator = OutputMode.LIST.rowSeparator;
            }
            default -> s.mode = mode;
        }
    }

    /** As {@code .headers}: a later {@code .mode column} leaves the choice alone. */
    private static void headers(Settings s, boolean on) {
        s.headers = on;
        s.headersSet = true;
    }

    private void set(Consumer<Settings> change) {
        steps.add(new Setting(change));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new ShellError("missing argument to " + option);
        }
        return args[i];
    }
}
