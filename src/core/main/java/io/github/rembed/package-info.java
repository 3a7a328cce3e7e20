/**
 * rembed for Java: SQL embedding functions on xerial sqlite-jdbc connections
 * ({@link io.github.rembed.Rembed#register(java.sql.Connection)}), and the same engine from
 * Java ({@link io.github.rembed.TextClient}, {@link io.github.rembed.ImageClient}).
 *
 * <p>Failed calls throw {@link io.github.rembed.RembedException}, bad arguments
 * {@link java.lang.IllegalArgumentException}; neither message ever contains an API key.
 * Clients are thread-safe; builders are not. Packages under {@code io.github.rembed.internal}
 * are not part of the API and change without notice.
 */
package io.github.rembed;
