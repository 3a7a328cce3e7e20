package io.github.rembed.shell;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of dot commands. To add a command, write a {@link DotCommandFamily} and list
 * it in {@link #FAMILIES}.
 */
final class DotCommands {
    private static final List<DotCommandFamily> FAMILIES = List.of(
            new OutputCommands(),
            new SettingsCommands(),
            new RedirectCommands(),
            new SessionCommands(),
            new ParameterCommands(),
            new DatabaseCommands(),
            new FileCommands(),
            new ImportCommands(),
            new SchemaCommands(),
            new DumpCommands(),
            new ImageCommands());

    /** One registered command: its name without the dot, a usage line and one line of help. */
    record Entry(String name, String usage, String help, DotCommand action) {
    }

    private final Map<String, Entry> byName = new LinkedHashMap<>();

    static DotCommands standard() {
        DotCommands commands = new DotCommands();
        FAMILIES.forEach(f -> f.register(commands));
        return commands;
    }

    void add(String name, String usage, String help, DotCommand action) {
        if (byName.putIfAbsent(name, new Entry(name, usage, help, action)) != null) {
            throw new IllegalStateException("dot command ." + name + " is registered twice");
        }
    }

    /** Exact name first, then the first command it abbreviates, as sqlite3 accepts {@code .header}. */
    Optional<Entry> find(String name) {
        Entry exact = byName.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return byName.values().stream().filter(e -> e.name().startsWith(name)).findFirst();
    }

    Collection<Entry> all() {
        return byName.values();
    }
}
