package io.github.rembed.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The commands run before any other: {@code -init FILE}, else {@code ~/.rembedrc} if it exists (sqlite3: {@code ~/.sqliterc}). */
final class InitFile {
    private InitFile() {
    }

    static void run(Session session, String named, Path home, boolean interactive) throws IOException {
        Path file = named != null ? session.resolve(named) : home.resolve(".rembedrc");
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            if (named != null) {
                session.err().println("cannot open: \"" + named + "\"");
            }
            return;
        }
        if (interactive) {
            session.err().println("-- Loading resources from " + (named != null ? named : file));
        }
        session.runFile(file);
    }
}
