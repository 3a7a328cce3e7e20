package io.github.rembed.internal.sql;

import static io.github.rembed.SqlTestSupport.blob;
import static io.github.rembed.SqlTestSupport.error;
import static io.github.rembed.SqlTestSupport.scalar;
import static io.github.rembed.SqlTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.SqlTestSupport;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

class Base64SqlTest {
    @Test
    void roundTripsAnyBytes() throws Exception {
        try (Connection conn = SqlTestSupport.open()) {
            assertEquals("AP8Q", text(conn, "SELECT base64_encode(x'00ff10')"));
            assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, blob(conn, "SELECT base64_decode('AP8Q')"));
            assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, blob(conn, "SELECT base64_decode('AP8Q\n')"));
            assertArrayEquals(blob(conn, "SELECT rembed('local', 'v')"),
                    blob(conn, "SELECT base64_decode(base64_encode(rembed('local', 'v')))"));
        }
    }

    @Test
    void badBase64IsAnErrorNotAShorterBlob() throws Exception {
        try (Connection conn = SqlTestSupport.open()) {
            String msg = error(conn, "SELECT base64_decode('not base64!')");
            assertTrue(msg.contains("base64_decode: not valid base64"), msg);
            assertTrue(error(conn, "SELECT base64_decode(x'00')").contains("argument must be TEXT, got BLOB"));
            assertNull(scalar(conn, "SELECT base64_decode(NULL)"));
            assertNull(scalar(conn, "SELECT base64_encode(NULL)"));
        }
    }

    @Test
    void versionAndDebug() throws Exception {
        try (Connection conn = SqlTestSupport.open()) {
            String version = text(conn, "SELECT rembed_version()");
            assertTrue(version.matches("v\\d+\\.\\d+\\.\\d+.*"), version);
            String debug = text(conn, "SELECT rembed_debug()");
            assertTrue(debug.contains("Version: " + version), debug);
            assertTrue(debug.contains("SQLite: 3."), debug);
            assertTrue(debug.contains("sqlite-jdbc 3."), debug);
            assertTrue(debug.contains("Java " + Runtime.version().feature()), debug);
        }
    }
}
