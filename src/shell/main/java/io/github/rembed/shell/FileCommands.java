package io.github.rembed.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** {@code .read FILE} and {@code .load PATH [ENTRY]}. */
final class FileCommands implements DotCommandFamily {
    @Override
    public void register(DotCommands commands) {
        commands.add("read", ".read FILE", "run the SQL and dot commands in FILE", (session, args) -> {
            String name = OutputCommands.one(args, ".read FILE");
            Path file = session.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new ShellError("cannot open \"" + name + "\"");
            }
            session.runFile(file);
        });
        commands.add("load", ".load PATH [ENTRY]", "load a SQLite extension, e.g. sqlite-vec (rembed0 is built in)",
                (session, args) -> {
                    if (args.isEmpty() || args.size() > 2) {
                        throw new ShellError("Usage: .load PATH [ENTRY]");
                    }
                    if (isRembed(args.get(0))) {
                        return; // rembed's functions are already installed on this connection
                    }
                    load(session, session.resolve(args.get(0)).toString(), args.size() == 2 ? args.get(1) : null);
                });
    }

    /** True for the Rust extension's own library ({@code rembed0}, {@code ./dist/rembed0.so}, ...). */
    static boolean isRembed(String path) {
        Path name = Path.of(path).getFileName();
        return name != null && name.toString().startsWith("rembed0");
    }

    private static void load(Session session, String path, String entry) throws SQLException {
        String sql = entry == null ? "SELECT load_extension(?)" : "SELECT load_extension(?, ?)";
        try (PreparedStatement ps = session.connection().prepareStatement(sql)) {
            ps.setString(1, path);
            if (entry != null) {
                ps.setString(2, entry);
            }
            ps.executeQuery().close();
        }
    }
}
