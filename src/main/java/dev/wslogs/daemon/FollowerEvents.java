package dev.wslogs.daemon;

import dev.wslogs.sink.metrics.Metrics;
import dev.wslogs.source.Checkpoint;
import dev.wslogs.source.FileIdentity;
import dev.wslogs.source.FollowerListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Follower events → metrics (and a log line for the ones an operator should see). */
final class FollowerEvents implements FollowerListener {
    private final Map<String, Long> lastLineTime = new ConcurrentHashMap<>();
    private final Metrics metrics;
    private final Consumer<String> log;
    private final java.time.InstantSource clock;

    FollowerEvents(Metrics metrics, Consumer<String> log, java.time.InstantSource clock) {
        this.metrics = metrics;
        this.log = log;
        this.clock = clock;
    }

    /** Log time of the newest line read from a file, for the lag-in-seconds gauge. */
    void lastLineTime(String file, long t) {
        lastLineTime.merge(file, t, Math::max);
    }

    @Override
    public void fileAppeared(Path path, FileIdentity file, long startOffset) {
        metrics.fileEvent("appeared");
    }

    @Override
    public void fileMissing(Path path) {
        metrics.fileEvent("missing");
        log.accept("wslogs: " + path + " is missing; waiting for it");
    }

    @Override
    public void fileRotated(Path path, FileIdentity previous, FileIdentity next) {
        metrics.fileEvent("rotated");
    }

    @Override
    public void fileTruncated(Path path, FileIdentity file, long offsetBefore, long sizeNow) {
        metrics.fileEvent("truncated");
        log.accept("wslogs: " + path + " was truncated (copytruncate?); reading it from the start");
    }

    @Override
    public void fileClosed(Path path, FileIdentity file, long offset) {
        metrics.fileEvent("closed");
    }

    @Override
    public void partialLineFlushed(Path path, FileIdentity file, long offset) {
        metrics.fileEvent("partial_line");
    }

    @Override
    public void readFailed(Path path, IOException error) {
        metrics.fileEvent("read_failed");
        log.accept("wslogs: cannot read " + path + ": " + error.getMessage());
    }

    @Override
    public void checkpointRestored(Checkpoint checkpoint, Path foundAt) {
        metrics.fileEvent("checkpoint_restored");
    }

    @Override
    public void checkpointDiscarded(Checkpoint checkpoint, String reason) {
        metrics.fileEvent("checkpoint_discarded");
        log.accept("wslogs: checkpoint of " + checkpoint.path() + " discarded: " + reason);
    }

    @Override
    public void fileLagMeasured(Path path, FileIdentity file, long bytesBehind) {
        Long t = lastLineTime.get(path.toString());
        metrics.lag(path.toString(), bytesBehind, t == null ? -1 : Math.max(0, clock.millis() - t));
    }
}
