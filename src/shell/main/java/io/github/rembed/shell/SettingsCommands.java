package io.github.rembed.shell;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code .nullvalue}, {@code .width}, {@code .changes} and {@code .show}, which lists the settings. */
final class SettingsCommands implements DotCommandFamily {
    @Override
    public void register(DotCommands commands) {
        commands.add("nullvalue", ".nullvalue STRING", "print NULL values as STRING",
                (session, args) -> session.settings().nullValue = OutputCommands.one(args, ".nullvalue STRING"));
        commands.add("width", ".width NUM1 NUM2 ...", "column widths of the tabular modes; 0 is automatic, a negative"
                + " width right-aligns", (session, args) -> session.settings().widths = widths(args));
        commands.add("changes", ".changes on|off", "print the number of rows changed by each statement",
                (session, args) -> session.settings().changes = DotArgs.bool(OutputCommands.one(args,
                        ".changes on|off"), "changes"));
        commands.add("show", ".show", "show the current settings", (session, args) -> {
            if (!args.isEmpty()) {
                throw new ShellError("Usage: .show");
            }
            session.out().text(show(session));
        });
    }

    /** Numbers as sqlite3's atoi reads them: "12abc" is 12, a word is 0. */
    static int[] widths(List<String> args) {
        int[] w = new int[args.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = leadingInt(args.get(i));
        }
        return w;
    }

    private static int leadingInt(String s) {
        int i = 0;
        int sign = 1;
        String t = s.strip();
        if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            sign = t.charAt(i++) == '-' ? -1 : 1;
        }
        long v = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && v < Integer.MAX_VALUE) {
            v = v * 10 + (t.charAt(i++) - '0');
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sign * v));
    }

    /** The sqlite3 layout: names right-aligned in 12 columns, strings in C notation. */
    static String show(Session session) {
        Settings s = session.settings();
        StringBuilder widths = new StringBuilder();
        for (int w : s.widths) {
            widths.append(w).append(' ');
        }
        return line("echo", s.echo ? "on" : "off")
                + line("headers", s.headers ? "on" : "off")
                + line("mode", s.modeDescription())
                + line("nullvalue", cString(s.nullValue))
                + line("output", session.out().targetName())
                + line("colseparator", cString(s.columnSeparator))
                + line("rowseparator", cString(s.rowSeparator))
                + line("width", widths.toString())
                + line("filename", session.databaseName());
    }

    private static String line(String name, String value) {
        return " ".repeat(12 - name.length()) + name + ": " + value + "\n";
    }

    /** A string in double quotes with C escapes; other unprintable bytes in octal, as sqlite3 writes them. */
    static String cString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (byte raw : s.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        b.append('\\').append(String.format("%03o", c));
                    } else {
                        b.append((char) c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
