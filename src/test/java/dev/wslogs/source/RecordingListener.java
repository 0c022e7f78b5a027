package dev.wslogs.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Records follower events as short strings ({@code "fileRotated access.log"}) and the last lag per file key. */
final class RecordingListener implements FollowerListener {
    final List<String> events = new ArrayList<>();
    final Map<String, Long> lag = new ConcurrentHashMap<>();

    private void add(String event, Path path) {
        events.add(event + " " + path.getFileName());
    }

    long count(String event) {
        return events.stream().filter(e -> e.startsWith(event + " ")).count();
    }

    @Override
    public void fileAppeared(Path path, FileIdentity file, long startOffset) {
        add("fileAppeared", path);
    }

    @Override
    public void fileMissing(Path path) {
        add("fileMissing", path);
    }

    @Override
    public void fileRotated(Path path, FileIdentity previous, FileIdentity next) {
        add("fileRotated", path);
    }

    @Override
    public void fileTruncated(Path path, FileIdentity file, long offsetBefore, long sizeNow) {
        add("fileTruncated", path);
    }

    @Override
    public void fileClosed(Path path, FileIdentity file, long offset) {
        add("fileClosed", path);
    }

    @Override
    public void partialLineFlushed(Path path, FileIdentity file, long offset) {
        add("partialLineFlushed", path);
    }

    @Override
    public void readFailed(Path path, IOException error) {
        add("readFailed", path);
    }

    @Override
    public void checkpointRestored(Checkpoint checkpoint, Path foundAt) {
        add("checkpointRestored", foundAt);
    }

    @Override
    public void checkpointDiscarded(Checkpoint checkpoint, String reason) {
        add("checkpointDiscarded", checkpoint.path());
    }

    @Override
    public void fileLagMeasured(Path path, FileIdentity file, long bytesBehind) {
        lag.put(file.key(), bytesBehind);
    }
}
