package io.github.rembed.shell;

import io.github.rembed.ImageClient;
import io.github.rembed.ItemResult;
import io.github.rembed.Rembed;
import io.github.rembed.RembedConfig;
import io.github.rembed.RembedException;
import io.github.rembed.internal.embed.Vectors;
import io.github.rembed.internal.files.FileRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Embeds many image files into a vectors table, resumably. Each result is committed as soon as
 * it arrives, so a crash loses only the images in flight; a file whose content is already
 * embedded (same path, same SHA-256) is skipped without a request, and failed files are
 * recorded with their error and tried again on the next run. Each row records the client,
 * the embedding and vision models, the dimensions and the caption that was embedded.
 */
final class ImageImport {
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp", "bmp");

    private final Connection conn;
    private final Path root;
    private final VectorTable table;
    private final ImageClient client;
    /** Names found in the directory whose bytes are not UTF-8 (shown with U+FFFD). */
    private final Set<String> badNames = new HashSet<>();

    ImageImport(Connection conn, Path root, String table, String clientName) throws SQLException {
        this.conn = conn;
        this.root = root;
        this.client = Rembed.imageClient(conn, clientName);
        this.table = new VectorTable(conn, table, "path", clientName, client.embeddingModel(), client.visionModel());
    }

    /** Image files below {@code dir} (relative to the root), sorted, as root-relative paths. */
    List<String> filesIn(String dir) throws IOException {
        Path start = root.resolve(dir).normalize();
        if (!start.startsWith(root) || !Files.isDirectory(start)) {
            throw new ShellError("not a directory below the working directory: " + dir);
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile).filter(ImageImport::hasImageExtension)
                    .map(this::relativeName).sorted().toList();
        }
    }

    /**
     * The path as text, relative to the root. A name whose bytes are not valid UTF-8 cannot be
     * written as TEXT nor found again from it; it is remembered so that its row says so.
     */
    private String relativeName(Path p) {
        String name = root.relativize(p).toString().replace('\\', '/');
        if (name.indexOf('\uFFFD') >= 0 && !sameFile(p, name)) {
            badNames.add(name);
        }
        return name;
    }

    private boolean sameFile(Path p, String name) {
        try {
            return p.equals(root.resolve(name));
        } catch (InvalidPathException notEncodable) {
            return false;
        }
    }

    /** The first column of every row of {@code query}, NULLs left out. */
    List<String> pathsFrom(String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                String p = rs.getString(1);
                if (p != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    BulkSummary run(List<String> paths, Progress progress, boolean reembed) throws SQLException {
        int removed = table.prepare(".embed-images", reembed);
        Map<String, String> done = embeddedHashes();
        FileRoot files = new FileRoot(root, RembedConfig.DEFAULT_MAX_FILE_BYTES);
        Map<Integer, Pending> inFlight = new HashMap<>();
        BulkSummary.Counter count = new BulkSummary.Counter(progress);
        Iterator<byte[]> images = new Iterator<>() {
            private final Iterator<String> next = paths.iterator();
            private Pending pending;
            private int index;

            @Override
            public boolean hasNext() {
                while (pending == null && next.hasNext()) {
                    String path = next.next();
                    if (badNames.contains(path)) {
                        pending = new Pending(path, null, new byte[0], "file name is not valid UTF-8; rename the file"
                                + " to embed it");
                        break;
                    }
                    byte[] bytes;
                    try {
                        bytes = files.read(path);
                    } catch (RembedException e) {
                        pending = new Pending(path, null, new byte[0], e.getMessage());
                        break;
                    }
                    String sha = sha256(bytes);
                    if (sha.equals(done.get(path))) {
                        count.unchanged();
                        continue;
                    }
                    pending = new Pending(path, sha, bytes, null);
                }
                return pending != null;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Pending p = pending;
                pending = null;
                inFlight.put(index++, p.withoutBytes());
                return p.bytes;
            }
        };
        client.withProgress(count.retries()).embedEach(images, result -> {
            Pending p = inFlight.remove(result.index());
            String error = p.readError;
            VectorTable.Row row = switch (result) {
                case ItemResult.Embedded e when error == null ->
                        new VectorTable.Row(p.path, p.sha, Vectors.toBlob(e.vector()), null, e.caption());
                case ItemResult.Failed f when error == null ->
                        new VectorTable.Row(p.path, p.sha, null, f.stage().name().toLowerCase(Locale.ROOT) + ": "
                                + f.error(), null);
                default -> new VectorTable.Row(p.path, p.sha, null, error, null);
            };
            write(row);
            count.result(row);
        });
        return count.summary(removed);
    }

    private record Pending(String path, String sha, byte[] bytes, String readError) {
        Pending withoutBytes() {
            return new Pending(path, sha, null, readError);
        }
    }

    /** Path to content hash of every row that already has its embedding. */
    private Map<String, String> embeddedHashes() throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT path, sha256 FROM " + table.name() + " WHERE embedding IS NOT NULL")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private void write(VectorTable.Row row) {
        try {
            table.write(List.of(row));
        } catch (SQLException e) {
            throw new ShellError("cannot write the row for " + row.key() + ": " + Session.sqliteMessage(e));
        }
    }

    private static boolean hasImageExtension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
