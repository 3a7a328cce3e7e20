package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

class DataSourceTest {
    @Test
    void everyConnectionItHandsOutIsRegistered() throws SQLException {
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite::memory:");
        DataSource ds = Rembed.dataSource(plain);
        for (int i = 0; i < 2; i++) {
            try (Connection c = ds.getConnection()) {
                assertEquals(384 * 4, SqlTestSupport.blob(c, "SELECT rembed('local', 'pooled')").length);
            }
        }
        assertTrue(ds.isWrapperFor(SQLiteDataSource.class));
    }

    @Test
    void aNonSqliteConnectionIsRefusedClearly() {
        DataSource ds = Rembed.dataSource(new SQLiteDataSource() {
            @Override
            public Connection getConnection() {
                return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {Connection.class}, (p, m, a) -> switch (m.getName()) {
                            case "isWrapperFor" -> false;
                            default -> null;
                        });
            }
        });
        RembedException e = assertThrows(RembedException.class, ds::getConnection);
        assertTrue(e.getMessage().contains("rembed needs a sqlite-jdbc connection"), e.getMessage());
    }

    @Test
    void javaApiEmbedsWithoutSql() throws SQLException {
        TextClient local = Rembed.textClient("local");
        float[] v = local.embed("hello");
        assertEquals(384, v.length);
        try (Connection c = SqlTestSupport.open()) {
            assertEquals(java.util.Arrays.toString(v), java.util.Arrays.toString(
                    io.github.rembed.internal.embed.Vectors.fromBlob(SqlTestSupport.blob(c, "SELECT rembed('local', 'hello')"))));
        }
        assertEquals(3, local.embedAll(java.util.List.of("a", "b", "c")).size());
    }
}
