package dev.wslogs.daemon;

import dev.wslogs.classify.TimeoutClusters;
import dev.wslogs.source.Checkpoint;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Holds follow positions back until the lines before them can no longer affect an incident: a
 * snapshot taken when log time was T is released once log time passes T + horizon (the
 * pipeline's pending windows). Bounded: only the newest snapshot per poll round is kept, and at most
 * {@code max} rounds and {@link #MAX_BYTES} (dropping the oldest only delays a save).
 */
final class CheckpointHoldback {
    /** Positions, and what the pipeline had learned when it had read exactly the lines before them. */
    record Snapshot(long logTime, List<Checkpoint> positions, TimeoutClusters.State learned) {}

    private final long horizonMillis;
    private final int max;
    private final ArrayDeque<Snapshot> queue = new ArrayDeque<>();

    CheckpointHoldback(long horizonMillis, int max) {
        this.horizonMillis = horizonMillis;
        this.max = max;
    }

    void offer(long logTime, List<Checkpoint> positions, TimeoutClusters.State learned) {
        Snapshot s = new Snapshot(logTime, positions, learned);
        queue.addLast(s);
        bytes += bytes(s);
        // a snapshot carries the learned clusters (12 bytes a bucket, up to 1.7 M buckets): bounded in bytes too
        while (queue.size() > max || (bytes > MAX_BYTES && queue.size() > 1)) bytes -= bytes(queue.pollFirst());
    }

    /** What the held snapshots may keep alive together (the newest is always kept). */
    static final long MAX_BYTES = 8L << 20;
    private long bytes;

    private static long bytes(Snapshot s) {
        return 64 + 96L * s.positions().size() + (s.learned() == null ? 0 : 12L * s.learned().buckets().length);
    }

    /** The newest snapshot that is safe at this log time, or null when none became safe. */
    Snapshot releasable(long watermark) {
        Snapshot safe = null;
        while (!queue.isEmpty() && queue.peekFirst().logTime() <= watermark - horizonMillis) {
            safe = queue.pollFirst();
            bytes -= bytes(safe);
        }
        return safe;
    }

    int size() {
        return queue.size();
    }
}
