package io.github.rembed.shell;

/** Ends the session with an exit code: {@code .exit}, {@code .quit} or an error under {@code .bail on}. */
final class ShellExit extends RuntimeException {
    /** The exit code, or -1 for "0 if no error happened, else 1" (a plain {@code .exit}). */
    final int code;

    ShellExit(int code) {
        super(null, null, false, false);
        this.code = code;
    }
}
