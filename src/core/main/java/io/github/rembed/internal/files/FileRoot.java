package io.github.rembed.internal.files;

import io.github.rembed.RembedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads files strictly below one directory. Absolute paths, {@code ..} and symlinks that lead
 * outside are refused, and so is a file over the size limit, before any of it is read.
 */
public final class FileRoot {
    private final Path root;
    private final long maxBytes;

    /** @param root the directory, or {@code null} for no file access at all */
    public FileRoot(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    public byte[] read(String path) {
        Path file = resolve(path);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = readAtMost(in, maxBytes);
            if (bytes.length > maxBytes) {
                throw tooLarge(path);
            }
            return bytes;
        } catch (IOException e) {
            throw new RembedException("cannot read '" + path + "': " + e.getMessage());
        }
    }

    /**
     * Reads any regular file the caller names (no root: for the Java API, whose caller chose
     * the path), refusing devices, pipes and directories before opening them (they may never
     * end, or block forever) and files over {@code maxBytes}.
     *
     * @throws RembedException whose message is the reason alone, e.g. "not a regular file"
     */
    public static byte[] readRegularFile(Path file, long maxBytes) {
        if (!Files.exists(file)) {
            throw new RembedException("no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new RembedException("not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = readAtMost(in, maxBytes);
            if (bytes.length > maxBytes) {
                throw new RembedException("larger than the " + maxBytes + "-byte file limit");
            }
            return bytes;
        } catch (IOException e) {
            throw new RembedException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** At most {@code maxBytes + 1} bytes, so that a file that grew past the limit is still caught. */
    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }

    /** The real path of {@code path} after every check, for callers that stream the file themselves. */
    public Path resolve(String path) {
        if (root == null) {
            throw new RembedException("file access is disabled: no file root is configured "
                    + "(RembedConfig.builder().fileRoot(dir); the shell uses its working directory)");
        }
        if (path == null || path.isEmpty()) {
            throw new RembedException("path is empty");
        }
        Path relative;
        try {
            relative = Path.of(path);
        } catch (InvalidPathException e) {
            throw new RembedException("'" + path + "' is not a valid path");
        }
        if (relative.isAbsolute() || path.startsWith("/") || path.startsWith("\\")) {
            throw new RembedException("'" + path + "' is absolute; paths must be relative to the file root");
        }
        for (Path part : relative) {
            if (part.toString().equals("..")) {
                throw new RembedException("'" + path + "' leaves the file root (contains '..')");
            }
        }
        Path real;
        Path realRoot;
        try {
            realRoot = root.toRealPath();
            real = root.resolve(relative).toRealPath();
        } catch (NoSuchFileException e) {
            throw new RembedException("no such file: '" + path + "'");
        } catch (IOException e) {
            throw new RembedException("cannot open '" + path + "': " + e.getMessage());
        }
        if (!real.startsWith(realRoot)) {
            throw new RembedException("'" + path + "' leaves the file root (through a symbolic link)");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new RembedException("'" + path + "' is not a regular file");
        }
        try {
            if (Files.size(real) > maxBytes) {
                throw tooLarge(path);
            }
        } catch (IOException e) {
            throw new RembedException("cannot open '" + path + "': " + e.getMessage());
        }
        return real;
    }

    private RembedException tooLarge(String path) {
        return new RembedException("'" + path + "' is larger than the " + maxBytes + "-byte file limit");
    }
}
