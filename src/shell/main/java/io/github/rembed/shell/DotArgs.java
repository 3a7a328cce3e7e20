package io.github.rembed.shell;

import java.util.ArrayList;
import java.util.List;

/** Splits a dot-command line into words as sqlite3 does: blanks separate, quotes group. */
final class DotArgs {
    private DotArgs() {
    }

    /** The words of {@code line} (which starts with the dot); the first is the command name. */
    static List<String> parse(String line) {
        List<String> words = new ArrayList<>();
        String s = line.substring(1);
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char c = s.charAt(i);
            StringBuilder word = new StringBuilder();
            if (c == '"' || c == '\'') {
                i++;
                while (i < n && s.charAt(i) != c) {
                    // Inside double quotes a backslash escapes, as in sqlite3 (\t, \n, \\, \").
                    if (c == '"' && s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                        char e = s.charAt(i);
                        word.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
                    } else {
                        word.append(s.charAt(i));
                    }
                    i++;
                }
                i++;
            } else {
                while (i < n && !Character.isWhitespace(s.charAt(i))) {
                    word.append(s.charAt(i++));
                }
            }
            words.add(word.toString());
        }
        return words;
    }

    /** sqlite3's boolean words: on/off, yes/no, true/false, 1/0. */
    static boolean bool(String word, String command) {
        return switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "on", "yes", "true", "1" -> true;
            case "off", "no", "false", "0" -> false;
            default -> throw new ShellError("." + command + ": not a boolean value: \"" + word + "\" (use on or off)");
        };
    }

    /** Backslash escapes in a separator as sqlite3 reads them: {@code \t}, {@code \n}, {@code \r\n}. */
    static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
    }
}
