package io.github.rembed.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The prompt's history, minus lines that carry an API key (a client's {@code 'key', '...'}
 * option): they run as typed but are neither recalled nor written to the history file. The
 * file is readable by its owner only, as readline leaves sqlite3's.
 */
final class KeylessHistory extends DefaultHistory {
    /** {@code 'key', '…'} in rembed_client_options / rembed_multimodal_client_options, or {@code "key": "…"} in JSON. */
    private static final Pattern KEY_OPTION = Pattern.compile("(?i)(['\"])key\\1\\s*[,:]");

    static boolean carriesKey(String line) {
        return KEY_OPTION.matcher(line).find();
    }

    @Override
    public void add(Instant time, String line) {
        if (!carriesKey(line)) {
            super.add(time, line);
        }
    }

    /** Creates the history file owner-only before the first write, when it does not exist yet. */
    static void prepare(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException | UnsupportedOperationException e) {
            // no history file then; the session works without one
        }
    }
}
