package io.github.rembed.internal.sql;

import io.github.rembed.internal.files.FileRoot;
import java.util.Base64;

/** {@code readfile(path)} and {@code readfile_base64(path_or_blob)}, rooted at the configured directory. */
final class FileFunctions {
    private FileFunctions() {
    }

    private static FileRoot root(ConnectionState state) {
        return new FileRoot(state.config().fileRoot(), state.config().maxFileBytes());
    }

    static final class ReadFile extends SqlFunction {
        private final ConnectionState state;

        ReadFile(ConnectionState state) {
            super("readfile");
            this.state = state;
        }

        @Override
        void call() throws Exception {
            requireArgs(1, "readfile(path)");
            if (isNull(0)) {
                result();
                return;
            }
            result(root(state).read(text(0, "path")));
        }
    }

    /** A TEXT argument is a path to read; a BLOB argument is encoded as it is. */
    static final class ReadFileBase64 extends SqlFunction {
        private final ConnectionState state;

        ReadFileBase64(ConnectionState state) {
            super("readfile_base64");
            this.state = state;
        }

        @Override
        void call() throws Exception {
            requireArgs(1, "readfile_base64(path_or_blob)");
            switch (type(0)) {
                case NULL -> result();
                case BLOB -> result(Base64.getEncoder().encodeToString(blob(0)));
                case TEXT -> result(Base64.getEncoder().encodeToString(root(state).read(value_text(0))));
                default -> throw new io.github.rembed.RembedException(
                        "expects a path (TEXT) or file contents (BLOB), got " + typeName(type(0)));
            }
        }
    }
}
