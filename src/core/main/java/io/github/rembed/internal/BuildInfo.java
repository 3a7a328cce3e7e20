package io.github.rembed.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Versions written into the library jar at build time, as {@code rembed_version()} and
 * {@code rembed_debug()} report them.
 */
public final class BuildInfo {
    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    /**
     * The library's version.
     *
     * @return the version without a leading {@code v}, such as {@code 0.2.0}; {@code unknown}
     *         when the classes run without the jar's build information
     */
    public static String version() {
        return PROPS.getProperty("version", "unknown");
    }

    /**
     * The libraries the build was made with.
     *
     * @return name and version of each, comma-separated in a stable order, such as
     *         {@code sqlite-jdbc 3.54.1.0, langchain4j 1.19.0, ...}
     */
    public static String dependencies() {
        return String.join(", ",
                "sqlite-jdbc " + PROPS.getProperty("sqlite-jdbc"),
                "langchain4j " + PROPS.getProperty("langchain4j"),
                "langchain4j-ollama " + PROPS.getProperty("langchain4j-ollama"),
                "langchain4j-embeddings " + PROPS.getProperty("langchain4j-embeddings"),
                "jackson " + PROPS.getProperty("jackson"),
                "caffeine " + PROPS.getProperty("caffeine"));
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/github/rembed/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
