package io.github.rembed.internal.pipeline;

import io.github.rembed.ItemResult;
import io.github.rembed.RembedException;
import io.github.rembed.Stage;
import io.github.rembed.internal.http.Redactor;

/** How an item's failure reads: the stage it stopped at and one line saying why, never a key. */
final class ItemErrors {
    private ItemErrors() {
    }

    /** A request's failure; once the call is stopping it counts as cancelled, whatever the stage. */
    static ItemResult.Failed failed(int index, Stage stage, Throwable e, boolean stopping) {
        Stage s = stopping || Thread.currentThread().isInterrupted() ? Stage.CANCELLED : stage;
        String message = e instanceof RembedException ? e.getMessage() : Redactor.describe(e);
        int newline = message.indexOf('\n');
        // Parser errors append multi-line source excerpts; the first line says what went wrong.
        return new ItemResult.Failed(index, s, Redactor.scrub(newline < 0 ? message : message.substring(0, newline)));
    }

    static ItemResult.Failed input(int index, String reason) {
        return new ItemResult.Failed(index, Stage.INPUT, reason);
    }

    static ItemResult.Failed notAnImage(int index, byte[] bytes) {
        return input(index, bytes.length == 0 ? "empty image"
                : "not an image: expected PNG, JPEG, GIF, WebP or BMP bytes (" + bytes.length + " bytes of something else)");
    }

    static ItemResult.Failed cancelled(int index) {
        return new ItemResult.Failed(index, Stage.CANCELLED, "cancelled before it finished");
    }
}
