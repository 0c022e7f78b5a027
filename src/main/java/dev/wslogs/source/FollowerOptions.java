package dev.wslogs.source;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link FileFollower}.
 *
 * @param startAt             where files without a checkpoint start at the first poll
 * @param rotationGrace       how long a file that left its path (renamed, deleted) is still read
 *                            after it was last seen growing: nginx writes to it until it reopens
 *                            its logs on USR1
 * @param maxLineBytes        longer lines are cut (the rest of the physical line is skipped)
 * @param maxBytesPerPoll     read budget per open file and poll, so one busy file cannot starve
 *                            the others or make a poll unbounded
 * @param flushPartialOnClose hand out an unterminated last line (marked) when a rotated file is
 *                            closed after its grace period or a file is truncated
 */
public record FollowerOptions(
        StartPosition startAt, Duration rotationGrace, int maxLineBytes, long maxBytesPerPoll, boolean flushPartialOnClose) {
    public static final int READ_BUFFER_BYTES = 64 * 1024;

    public FollowerOptions {
        Objects.requireNonNull(startAt, "startAt");
        Objects.requireNonNull(rotationGrace, "rotationGrace");
        if (rotationGrace.isNegative()) throw new IllegalArgumentException("rotationGrace must be >= 0: " + rotationGrace);
        if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes must be >= 1: " + maxLineBytes);
        if (maxBytesPerPoll < 1) throw new IllegalArgumentException("maxBytesPerPoll must be >= 1: " + maxBytesPerPoll);
    }

    public static FollowerOptions defaults() {
        return new FollowerOptions(StartPosition.END, Duration.ofSeconds(5), 1 << 20, 4L << 20, true);
    }

    public FollowerOptions withStartAt(StartPosition v) {
        return new FollowerOptions(v, rotationGrace, maxLineBytes, maxBytesPerPoll, flushPartialOnClose);
    }

    public FollowerOptions withRotationGrace(Duration v) {
        return new FollowerOptions(startAt, v, maxLineBytes, maxBytesPerPoll, flushPartialOnClose);
    }

    public FollowerOptions withMaxLineBytes(int v) {
        return new FollowerOptions(startAt, rotationGrace, v, maxBytesPerPoll, flushPartialOnClose);
    }

    public FollowerOptions withMaxBytesPerPoll(long v) {
        return new FollowerOptions(startAt, rotationGrace, maxLineBytes, v, flushPartialOnClose);
    }

    public FollowerOptions withFlushPartialOnClose(boolean v) {
        return new FollowerOptions(startAt, rotationGrace, maxLineBytes, maxBytesPerPoll, v);
    }
}
