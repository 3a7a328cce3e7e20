package io.github.rembed.sql;

/** What one client table does when a row is inserted or removed. */
interface ClientRows {
    /** Parses and registers the row, or throws with the reason the INSERT is refused. */
    void put(String name, String options);

    void remove(String name);
}
