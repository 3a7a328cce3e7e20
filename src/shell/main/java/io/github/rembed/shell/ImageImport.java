package io.github.rembed.shell;

import io.github.rembed.ImageClient;
import io.github.rembed.ItemResult;
import io.github.rembed.Rembed;
import io.github.rembed.RembedConfig;
import io.github.rembed.RembedException;
import io.github.rembed.embed.Vectors;
import io.github.rembed.files.FileRoot;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Embeds many image files into a table, resumably. Each result is written as soon as it
 * arrives, so a crash loses only the images in flight; a file whose content is already
 * embedded (same path, same SHA-256) is skipped without a request, and failed files are
 * recorded with their error and tried again on the next run.
 */
final class ImageImport {
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp", "bmp");
    private static final Pattern TABLE_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_ERRORS_SHOWN = 10;

    /** What one run did. */
    record Summary(int embedded, int skipped, int failed, List<String> errors) {
    }

    private final Connection conn;
    private final Path root;
    private final String table;
    private final ImageClient client;
    /** Names found in the directory whose bytes are not UTF-8 (shown with U+FFFD). */
    private final Set<String> badNames = new HashSet<>();

    ImageImport(Connection conn, Path root, String table, String clientName) throws SQLException {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new ShellError("table name must be a plain identifier such as photos or main.photos, got '"
                    + table + "'");
        }
        this.conn = conn;
        this.root = root;
        this.table = table;
        this.client = Rembed.imageClient(conn, clientName);
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

    Summary run(List<String> paths, Progress progress) throws SQLException {
        checkWritable();
        createTable();
        Map<String, String> done = embeddedHashes();
        FileRoot files = new FileRoot(root, RembedConfig.DEFAULT_MAX_FILE_BYTES);
        Map<Integer, Pending> inFlight = new HashMap<>();
        int[] skipped = {0};
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
                        skipped[0]++;
                        progress.advance(1);
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
        int[] embedded = {0};
        List<String> errors = new ArrayList<>();
        try (RowWriter rows = new RowWriter(conn, table)) {
            client.embedEach(images, result -> {
                Pending p = inFlight.remove(result.index());
                String error = p.readError;
                byte[] blob = null;
                if (error == null && result instanceof ItemResult.Embedded e) {
                    blob = Vectors.toBlob(e.vector());
                } else if (error == null && result instanceof ItemResult.Failed f) {
                    error = f.stage().name().toLowerCase(Locale.ROOT) + ": " + f.error();
                }
                rows.write(p.path, p.sha, blob, error);
                if (blob != null) {
                    embedded[0]++;
                } else {
                    errors.add(p.path + ": " + error);
                }
                progress.advance(1);
            });
        }
        List<String> shown = errors.size() > MAX_ERRORS_SHOWN ? errors.subList(0, MAX_ERRORS_SHOWN) : errors;
        return new Summary(embedded[0], skipped[0], errors.size(), List.copyOf(shown));
    }

    private record Pending(String path, String sha, byte[] bytes, String readError) {
        Pending withoutBytes() {
            return new Pending(path, sha, null, readError);
        }
    }

    /**
     * Refuses to start, before any request is paid for, when the rows could not be kept: inside
     * an open transaction (a crash or a missing COMMIT would drop every row reported done) or
     * on a database that cannot be written. Both are found by opening a transaction of its own
     * and trying a write that is rolled back.
     */
    private void checkWritable() throws SQLException {
        try (Statement s = conn.createStatement()) {
            try {
                s.execute("BEGIN");
            } catch (SQLException e) {
                if (Session.sqliteMessage(e).contains("within a transaction")) {
                    throw new ShellError(".embed-images cannot run inside an open transaction: its rows would be"
                            + " lost if the transaction were rolled back or never committed; COMMIT or ROLLBACK first");
                }
                throw e;
            }
            try {
                s.execute("CREATE TABLE " + schema() + ".rembed_write_check(x)");
            } catch (SQLException e) {
                throw new ShellError("cannot write to " + table + ": " + Session.sqliteMessage(e));
            } finally {
                s.execute("ROLLBACK");
            }
        }
    }

    private String schema() {
        int dot = table.indexOf('.');
        return dot < 0 ? "main" : table.substring(0, dot);
    }

    private void createTable() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS " + table + "(path TEXT PRIMARY KEY, sha256 TEXT,"
                    + " embedding BLOB, error TEXT, embedded_at TEXT)");
        }
    }

    /** Path to content hash of every row that already has its embedding. */
    private Map<String, String> embeddedHashes() throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT path, sha256 FROM " + table + " WHERE embedding IS NOT NULL")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
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
