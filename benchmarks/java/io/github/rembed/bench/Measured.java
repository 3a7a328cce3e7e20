package io.github.rembed.bench;

/** What a section with one target returns: its table and how it did against the target. */
record Measured(Table table, Target target) {
}
