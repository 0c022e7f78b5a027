package dev.wslogs.source;

/**
 * Where reading starts in a file present at the follower's first poll when no checkpoint names
 * it. Files that appear later, and new files at a path seen before (rotation, recreation), are
 * always read from their start: they are new data.
 */
public enum StartPosition {
    /** Skip what is there (the history is for {@code wslogs analyze}); a partial last line is kept. */
    END,
    /** Read the whole file. */
    START
}
