package io.github.rembed.shell;

import java.util.List;
import java.util.Set;

/** {@code .embed-images}: a directory of images (or a query's paths) into a table, resumably. */
final class ImageCommands implements DotCommandFamily {
    static final String USAGE = ".embed-images DIR|--query SQL TABLE [CLIENT] [--reembed]";
    private static final String DEFAULT_CLIENT = "ollama-multimodal";

    @Override
    public void register(DotCommands commands) {
        commands.add("embed-images", USAGE, "embed image files into TABLE(path, sha256, embedding, error, client,"
                + " model, vision_model, caption, dimensions, embedded_at) with a multimodal client (default "
                + DEFAULT_CLIENT + "); unchanged files are skipped, so a rerun resumes", (session, args) -> {
                    BulkArgs a = BulkArgs.parse(args, Set.of("--query"), USAGE);
                    String query = a.value("--query");
                    int table = query == null ? 1 : 0;
                    a.expect(table + 1, table + 2);
                    String tableName = a.positional.get(table);
                    ImageImport job = new ImageImport(session.connection(), session.resolve("."), tableName,
                            a.positional.size() > table + 1 ? a.positional.get(table + 1) : DEFAULT_CLIENT);
                    List<String> paths = query != null ? job.pathsFrom(query) : job.filesIn(a.positional.get(0));
                    BulkSummary s;
                    try (Progress progress = session.progress("embedding images", paths.size(), "unchanged")) {
                        s = job.run(paths, progress, a.reembed);
                    }
                    s.print(session, tableName);
                    if (s.failed() > 0) {
                        // Like a failed statement: the exit status and .bail see it.
                        throw new ShellError(s.failed() + " image" + (s.failed() == 1 ? "" : "s") + " failed (see the"
                                + " error column of " + tableName + ")");
                    }
                });
    }
}
