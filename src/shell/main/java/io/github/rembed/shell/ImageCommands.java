package io.github.rembed.shell;

import java.util.List;

/** {@code .embed-images}: a directory of images (or a query's paths) into a table, resumably. */
final class ImageCommands implements DotCommandFamily {
    static final String USAGE = ".embed-images DIR|--query SQL TABLE [CLIENT]";
    private static final String DEFAULT_CLIENT = "ollama-multimodal";

    @Override
    public void register(DotCommands commands) {
        commands.add("embed-images", USAGE, "embed image files into TABLE(path, sha256, embedding, error,"
                + " embedded_at) with a multimodal client (default " + DEFAULT_CLIENT + "); unchanged files"
                + " are skipped, so a rerun resumes", (session, args) -> {
                    boolean query = !args.isEmpty() && args.get(0).equals("--query");
                    List<String> rest = query ? args.subList(1, args.size()) : args;
                    if (rest.size() < 2 || rest.size() > 3) {
                        throw new ShellError("Usage: " + USAGE);
                    }
                    ImageImport job = new ImageImport(session.connection(), session.resolve("."), rest.get(1),
                            rest.size() == 3 ? rest.get(2) : DEFAULT_CLIENT);
                    List<String> paths = query ? job.pathsFrom(rest.get(0)) : job.filesIn(rest.get(0));
                    ImageImport.Summary s;
                    try (Progress progress = session.progress("embedding images", paths.size())) {
                        s = job.run(paths, progress);
                    }
                    session.out().text("embedded " + s.embedded() + ", unchanged " + s.skipped() + ", failed "
                            + s.failed() + "\n");
                    for (String e : s.errors()) {
                        session.err().println("  " + e);
                    }
                    if (s.failed() > s.errors().size()) {
                        session.err().println("  ... and " + (s.failed() - s.errors().size()) + " more (see the"
                                + " error column)");
                    }
                    if (s.failed() > 0) {
                        // Like a failed statement: the exit status and .bail see it.
                        throw new ShellError(s.failed() + " image" + (s.failed() == 1 ? "" : "s") + " failed (see the"
                                + " error column of " + rest.get(1) + ")");
                    }
                });
    }
}
