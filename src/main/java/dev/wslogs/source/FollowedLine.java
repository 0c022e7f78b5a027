package dev.wslogs.source;

import dev.wslogs.model.RawLine;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A line handed out by a {@link FileFollower}, with what is needed to checkpoint it.
 *
 * @param path       the followed path (also {@code line.position().file()}); the line may come
 *                   from a file that has since been rotated away from it
 * @param identity   the file the line was read from; its key is stable for the file's life, its
 *                   fingerprint lengthens until it covers {@link Fingerprint#MAX_BYTES}
 * @param endOffset  byte offset just past the line (and its newline)
 * @param terminated false for a partial last line flushed when its file was closed or truncated
 */
public record FollowedLine(Path path, FileIdentity identity, RawLine line, long endOffset, boolean terminated) {
    public FollowedLine {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(line, "line");
        if (endOffset < line.position().offset()) throw new IllegalArgumentException("line ends before it starts");
    }

    /** The position after this line in its file: what to save once this line's effects are durable. */
    public Checkpoint checkpoint() {
        return new Checkpoint(path, identity, endOffset, line.position().line());
    }
}
