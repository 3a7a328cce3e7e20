package io.github.rembed.internal.sql;

import io.github.rembed.internal.BuildInfo;
import java.util.List;

/** {@code rembed_version()} and {@code rembed_debug()}. */
final class VersionFunctions {
    private VersionFunctions() {
    }

    static String version() {
        return "v" + BuildInfo.version();
    }

    static final class Version extends SqlFunction {
        Version() {
            super("rembed_version");
        }

        @Override
        void call() throws Exception {
            result(version());
        }
    }

    static final class Debug extends SqlFunction {
        private final ConnectionState state;

        Debug(ConnectionState state) {
            super("rembed_debug");
            this.state = state;
        }

        @Override
        void call() throws Exception {
            result(String.join("\n",
                    "Version: " + version(),
                    "Runtime: Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), "
                            + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    "SQLite: " + state.sqliteVersion,
                    "Dependencies: " + BuildInfo.dependencies(),
                    "File root: " + (state.config().fileRoot() == null ? "none (file access disabled)"
                            : state.config().fileRoot()),
                    endpoints()));
        }

        /** Every model server the connection's runtime uses: health, limit (adaptive or not), load, counters. */
        private String endpoints() {
            List<String> lines = state.engine().describeEndpoints();
            return lines.isEmpty() ? "Endpoints: none used yet"
                    : "Endpoints:\n  " + String.join("\n  ", lines);
        }
    }
}
