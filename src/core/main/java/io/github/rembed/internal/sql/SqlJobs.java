package io.github.rembed.internal.sql;

import io.github.rembed.internal.jobs.Job;
import org.sqlite.SQLiteConnection;

/** Lists a bulk SQL call in {@code rembed_jobs()} under its connection. */
final class SqlJobs {
    private SqlJobs() {
    }

    static Job start(SQLiteConnection conn, ConnectionState state, String function, String client, long total) {
        return state.engine().jobs().start(function, client, state.id, database(conn.getUrl()), total);
    }

    /** The file of a {@code jdbc:sqlite:} URL, without its parameters. */
    static String database(String url) {
        String s = url == null ? "" : url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()) : url;
        int query = s.indexOf('?');
        s = query < 0 ? s : s.substring(0, query);
        return s.isEmpty() ? ":memory:" : s;
    }
}
