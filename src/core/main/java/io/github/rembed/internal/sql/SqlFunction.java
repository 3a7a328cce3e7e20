package io.github.rembed.internal.sql;

import io.github.rembed.RembedException;
import io.github.rembed.internal.http.Redactor;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * Base of every SQL function: gives typed access to the arguments and turns any failure into
 * one SQL error that names the function. sqlite-jdbc drops the exception's cause, so the
 * message has to carry everything the user needs.
 */
abstract class SqlFunction extends Function {
    static final int INTEGER = 1;
    static final int FLOAT = 2;
    static final int TEXT = 3;
    static final int BLOB = 4;
    static final int NULL = 5;

    private final String name;

    SqlFunction(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Does the work of one call; set the result with {@code result(...)}. */
    abstract void call() throws Exception;

    @Override
    protected final void xFunc() throws SQLException {
        try {
            call();
        } catch (RembedException e) {
            throw new SQLException(name + ": " + Redactor.scrub(e.getMessage()));
        } catch (SQLException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException(name + ": interrupted");
        } catch (Exception | LinkageError e) {
            throw new SQLException(name + ": " + Redactor.describe(e));
        }
    }

    int argCount() throws SQLException {
        return args();
    }

    void requireArgs(int expected, String usage) throws SQLException {
        if (args() != expected) {
            throw new RembedException("expected " + expected + " argument" + (expected == 1 ? "" : "s")
                    + ", got " + args() + "; usage: " + usage);
        }
    }

    void requireArgs(int min, int max, String usage) throws SQLException {
        if (args() < min || args() > max) {
            throw new RembedException("expected " + min + " to " + max + " arguments, got " + args() + "; usage: "
                    + usage);
        }
    }

    /** Argument {@code i} as TEXT, or null when it is absent or NULL. */
    String optionalText(int i, String what) throws SQLException {
        return args() <= i || isNull(i) ? null : text(i, what);
    }

    boolean isNull(int i) throws SQLException {
        return value_type(i) == NULL;
    }

    int type(int i) throws SQLException {
        return value_type(i);
    }

    /** A TEXT argument; other types are refused with a message naming the argument. */
    String text(int i, String what) throws SQLException {
        int t = value_type(i);
        if (t != TEXT) {
            throw new RembedException(what + " must be TEXT, got " + typeName(t));
        }
        return value_text(i);
    }

    byte[] blob(int i) throws SQLException {
        byte[] bytes = value_blob(i);
        return bytes == null ? new byte[0] : bytes;
    }

    /** Any non-NULL scalar as text, the way SQLite would cast it. */
    String scalarText(int i) throws SQLException {
        return value_text(i);
    }

    long integer(int i, String what) throws SQLException {
        int t = value_type(i);
        if (t == INTEGER) {
            return value_long(i);
        }
        if (t == TEXT) {
            try {
                return Long.parseLong(value_text(i).trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new RembedException(what + " must be an INTEGER, got " + typeName(t));
    }

    static String typeName(int type) {
        return switch (type) {
            case INTEGER -> "INTEGER";
            case FLOAT -> "REAL";
            case TEXT -> "TEXT";
            case BLOB -> "BLOB";
            case NULL -> "NULL";
            default -> "type " + type;
        };
    }
}
