package io.github.rembed.internal.pipeline;

import io.github.rembed.ItemResult;

/** What the workers of one call tell its waiting caller. */
sealed interface RunEvent {
    RunEvent IMAGE_RELEASED = new ImageReleased();

    /** Item {@code result.index()} is finished: embedded or failed. */
    record Finished(ItemResult result) implements RunEvent {
    }

    /** An image's vision is over (captioned or failed) and its bytes let go: the next image may start. */
    record ImageReleased() implements RunEvent {
    }
}
