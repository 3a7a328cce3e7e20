package io.github.rembed.shell;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;

/** {@code .output [FILE]} and {@code .once FILE}: results to a file or, with {@code |COMMAND}, into a command. */
final class RedirectCommands implements DotCommandFamily {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Override
    public void register(DotCommands commands) {
        commands.add("output", ".output [--bom] [FILE|'|CMD']", "send output to FILE or into CMD; no FILE: back to"
                + " stdout", (session, args) -> redirect(session, args, false, ".output [--bom] [FILE]"));
        commands.add("once", ".once [--bom] FILE|'|CMD'", "send the output of the next command only to FILE or"
                + " into CMD", (session, args) -> redirect(session, args, true, ".once [--bom] FILE"));
    }

    private static void redirect(Session session, List<String> args, boolean once, String usage) throws IOException {
        boolean bom = false;
        String target = null;
        for (String a : args) {
            if (a.equals("--bom")) {
                bom = true;
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new ShellError("unknown option: \"" + a + "\". Usage: " + usage);
            } else if (target != null) {
                throw new ShellError("extra parameter: \"" + a + "\". Usage: " + usage);
            } else {
                target = a;
            }
        }
        Output out = session.out();
        out.restore();
        if (target == null || target.equals("stdout")) {
            return;
        }
        if (target.startsWith("|")) {
            Process p = new ProcessBuilder("sh", "-c", target.substring(1))
                    .directory(session.resolve(".").toFile())
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            open(out, p.getOutputStream(), target, once, bom, () -> waitFor(p));
            return;
        }
        OutputStream file;
        try {
            file = Files.newOutputStream(session.resolve(target));
        } catch (IOException | SecurityException e) {
            throw new ShellError("cannot open \"" + target + "\"");
        }
        open(out, file, target, once, bom, () -> { });
    }

    private static void open(Output out, OutputStream to, String name, boolean once, boolean bom, Runnable afterClose) {
        out.redirect(new BufferedOutputStream(to), name, once, afterClose);
        if (bom) {
            out.write(UTF8_BOM);
        }
    }

    /** The command's own output comes before the shell's next prompt or result, as in sqlite3. */
    private static void waitFor(Process p) {
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
