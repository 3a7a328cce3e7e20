package io.github.rembed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions written into the jar at build time. */
public final class BuildInfo {
    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    public static String version() {
        return PROPS.getProperty("version", "unknown");
    }

    /** Name and version of each bundled dependency, in a stable order. */
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
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
