package io.github.rembed.internal.sql;

import static io.github.rembed.SqlTestSupport.blob;
import static io.github.rembed.SqlTestSupport.error;
import static io.github.rembed.SqlTestSupport.scalar;
import static io.github.rembed.SqlTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.RembedConfig;
import io.github.rembed.SqlTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFunctionsSqlTest {
    @TempDir
    Path dir;

    private Connection rooted() throws IOException, SQLException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.write(root.resolve("a.bin"), new byte[] {1, 2, 3, (byte) 0xff});
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/b.txt"), "hello");
        Files.write(root.resolve("big.bin"), new byte[2048]);
        Files.writeString(dir.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("escape.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("inside-link.txt"), root.resolve("sub/b.txt"));
        return SqlTestSupport.open(RembedConfig.builder().fileRoot(root).maxFileBytes(1024).build());
    }

    @Test
    void readsFilesBelowTheRoot() throws Exception {
        try (Connection conn = rooted()) {
            assertArrayEquals(new byte[] {1, 2, 3, (byte) 0xff}, blob(conn, "SELECT readfile('a.bin')"));
            assertEquals(Base64.getEncoder().encodeToString("hello".getBytes()),
                    text(conn, "SELECT readfile_base64('sub/b.txt')"));
            assertEquals("hello", new String(blob(conn, "SELECT readfile('inside-link.txt')")));
        }
    }

    @Test
    void readfileBase64AcceptsABlobToo() throws Exception {
        try (Connection conn = rooted()) {
            assertEquals(text(conn, "SELECT readfile_base64('a.bin')"),
                    text(conn, "SELECT readfile_base64(readfile('a.bin'))"));
            assertEquals("AQI=", text(conn, "SELECT readfile_base64(x'0102')"));
        }
    }

    @Test
    void refusesWhatLeavesTheRootOrIsTooLarge() throws Exception {
        try (Connection conn = rooted()) {
            assertTrue(error(conn, "SELECT readfile('../secret.txt')").contains("leaves the file root (contains '..')"));
            assertTrue(error(conn, "SELECT readfile('" + dir.resolve("secret.txt") + "')").contains("is absolute"));
            assertTrue(error(conn, "SELECT readfile('escape.txt')").contains("through a symbolic link"));
            assertTrue(error(conn, "SELECT readfile('big.bin')").contains("larger than the 1024-byte file limit"));
            assertTrue(error(conn, "SELECT readfile('nope.bin')").contains("no such file: 'nope.bin'"));
            assertTrue(error(conn, "SELECT readfile('sub')").contains("not a regular file"));
            assertTrue(error(conn, "SELECT readfile_base64(12)").contains("expects a path (TEXT) or file contents"));
            assertNull(scalar(conn, "SELECT readfile(NULL)"));
            assertNull(scalar(conn, "SELECT readfile_base64(NULL)"));
        }
    }

    @Test
    void noRootMeansNoFileAccess() throws SQLException {
        try (Connection conn = SqlTestSupport.open()) {
            String msg = error(conn, "SELECT readfile('pom.xml')");
            assertTrue(msg.contains("readfile: file access is disabled"), msg);
            assertTrue(error(conn, "SELECT readfile_base64('pom.xml')").contains("file access is disabled"));
        }
    }
}
