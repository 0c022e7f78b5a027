package dev.wslogs.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a {@link FileFollower} observed, for metrics and logs. Every method has a no-op default;
 * none may throw. Events are named noun + past-tense verb. Called on the polling thread, inside
 * {@link FileFollower#poll()}.
 */
public interface FollowerListener {
    FollowerListener NONE = new FollowerListener() {};

    /** A file was opened at {@code path}: at startup, after the path was missing, or first matched by a glob. */
    default void fileAppeared(Path path, FileIdentity file, long startOffset) {}

    /** Nothing is at {@code path} (reported once per absence); an open file keeps being read by descriptor. */
    default void fileMissing(Path path) {}

    /** A different file now sits at {@code path}; {@code previous} is read on until its grace period ends. */
    default void fileRotated(Path path, FileIdentity previous, FileIdentity next) {}

    /** The file shrank below the read offset or its first bytes changed (copytruncate): read again from 0. */
    default void fileTruncated(Path path, FileIdentity file, long offsetBefore, long sizeNow) {}

    /** A rotated or deleted file was read to its end and stayed quiet for the grace period. */
    default void fileClosed(Path path, FileIdentity file, long offset) {}

    /** An unterminated last line was handed out (marked {@code terminated=false}) as its file ended. */
    default void partialLineFlushed(Path path, FileIdentity file, long offset) {}

    /** An I/O operation failed; the follower retries on the next poll. */
    default void readFailed(Path path, IOException error) {}

    /** A saved checkpoint matched a file (at the path or among its rotated siblings, {@code foundAt}). */
    default void checkpointRestored(Checkpoint checkpoint, Path foundAt) {}

    /** A saved checkpoint matched no file: lines after it in that file are not read. */
    default void checkpointDiscarded(Checkpoint checkpoint, String reason) {}

    /** Bytes not yet read (size minus read offset) of one open file, after each poll: the lag gauge. */
    default void fileLagMeasured(Path path, FileIdentity file, long bytesBehind) {}
}
