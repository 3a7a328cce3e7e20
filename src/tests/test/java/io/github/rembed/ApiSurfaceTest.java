package io.github.rembed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's public API, checked against the committed baseline {@code src/core/api/rembed-java.api}
 * so that every change to it shows in review. After an intended change, regenerate the baseline
 * with {@code ./rembed --test -Dtest=ApiSurfaceTest -Drembed.api.update=true} and commit it.
 */
class ApiSurfaceTest {
    /** Packages users may use; every other public type lives under {@code io.github.rembed.internal}. */
    private static final Set<String> API_PACKAGES = Set.of("io.github.rembed", "io.github.rembed.spi");
    private static final String INTERNAL = "io.github.rembed.internal";
    private static final Path ROOT = Path.of(System.getProperty("rembed.root", "")).toAbsolutePath();
    private static final Path BASELINE = ROOT.resolve("src/core/api/rembed-java.api");

    @Test
    void everyPublicTypeIsApiOrInternal() throws Exception {
        List<String> stray = new ArrayList<>();
        for (Class<?> type : libraryClasses()) {
            String pkg = type.getPackageName();
            if (isExported(type) && !API_PACKAGES.contains(pkg) && !pkg.equals(INTERNAL)
                    && !pkg.startsWith(INTERNAL + ".")) {
                stray.add(type.getName());
            }
        }
        assertEquals(List.of(), stray, "public types outside the API packages must move under " + INTERNAL);
    }

    @Test
    void theApiMatchesTheBaseline() throws Exception {
        List<String> actual = apiLines();
        if (Boolean.getBoolean("rembed.api.update")) {
            Files.createDirectories(BASELINE.getParent());
            Files.writeString(BASELINE, String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(BASELINE), "no API baseline at " + BASELINE
                + "; create it with -Drembed.api.update=true");
        List<String> expected = Files.readAllLines(BASELINE, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("the public API differs from " + BASELINE + " (+ added, - removed):\n" + diff(expected, actual)
                    + "\nIf intended, regenerate it with ./rembed --test -Dtest=ApiSurfaceTest"
                    + " -Drembed.api.update=true and commit it.");
        }
    }

    @Test
    void theDiffShowsOnlyTheLinesThatChanged() {
        assertEquals("- b\n+ c\n", diff(List.of("a", "b", "d"), List.of("a", "c", "d")));
        assertEquals("", diff(List.of("a"), List.of("a")));
    }

    /**
     * Lines only in {@code expected} ({@code -}) or only in {@code actual} ({@code +}), in the
     * order they appear; lines are unique, as every one names its type or member in full.
     */
    private static String diff(List<String> expected, List<String> actual) {
        Set<String> before = new HashSet<>(expected);
        Set<String> after = new HashSet<>(actual);
        StringBuilder out = new StringBuilder();
        expected.stream().filter(l -> !after.contains(l)).forEach(l -> out.append("- ").append(l).append('\n'));
        actual.stream().filter(l -> !before.contains(l)).forEach(l -> out.append("+ ").append(l).append('\n'));
        return out.toString();
    }

    /** Each exported type of the API packages, then its visible members indented, sorted. */
    private static List<String> apiLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Class<?> type : libraryClasses()) {
            if (!isExported(type) || !API_PACKAGES.contains(type.getPackageName())) {
                continue;
            }
            lines.add(declaration(type));
            Set<String> members = new TreeSet<>();
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    members.add("  record component " + c.getGenericType().getTypeName() + " " + type.getName()
                            + "." + c.getName());
                }
            }
            Stream.of(type.getDeclaredConstructors()).filter(ApiSurfaceTest::visible)
                    .forEach(c -> members.add("  " + c.toGenericString()));
            Stream.of(type.getDeclaredMethods()).filter(m -> visible(m) && !m.isSynthetic())
                    .forEach(m -> members.add("  " + m.toGenericString()));
            Stream.of(type.getDeclaredFields()).filter(f -> visible(f) && !f.isSynthetic())
                    .forEach(f -> members.add("  " + f.toGenericString()));
            lines.addAll(members);
        }
        return lines;
    }

    /** The type as declared: modifiers, kind, name, type parameters, supertypes and permitted subtypes. */
    private static String declaration(Class<?> type) {
        StringBuilder s = new StringBuilder(type.toGenericString());
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && superclass != Record.class
                && !(type.isEnum() && type.getSuperclass() == Enum.class)) {
            s.append(" extends ").append(superclass.getTypeName());
        }
        if (type.getGenericInterfaces().length > 0) {
            s.append(type.isInterface() ? " extends " : " implements ").append(Stream.of(type.getGenericInterfaces())
                    .map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            s.append(" permits ").append(Stream.of(type.getPermittedSubclasses()).map(Class::getName)
                    .collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    /** Public, or protected where a user's subclass can reach it. */
    private static boolean visible(Member m) {
        int mod = m.getModifiers();
        return Modifier.isPublic(mod)
                || Modifier.isProtected(mod) && !Modifier.isFinal(m.getDeclaringClass().getModifiers());
    }

    /** A type user code can name: public or protected, and so is every type it is nested in. */
    private static boolean isExported(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            int mod = t.getModifiers();
            boolean nested = t.getDeclaringClass() != null;
            if (!Modifier.isPublic(mod) && !(nested && Modifier.isProtected(mod))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every class of the library artifact ({@code rembed-java}), listed from the directory or jar
     * {@link Rembed} was loaded from, sorted by name, loaded without being initialised.
     */
    private static List<Class<?>> libraryClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(Rembed.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(p -> p.toString().endsWith(".class"))
                        .forEach(p -> names.add(className(location.relativize(p).toString())));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).forEach(n -> names.add(className(n)));
            }
        }
        names.removeIf(n -> n.endsWith("package-info") || n.endsWith("module-info"));
        names.sort(null);
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(Class.forName(name, false, Rembed.class.getClassLoader()));
        }
        assertTrue(classes.contains(Rembed.class), "the library's classes were not found at " + location);
        return classes;
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.').replace('\\', '.');
    }
}
