package dev.wslogs.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A follower over real files, a manual clock, a state directory and everything it handed out. */
final class FollowerHarness implements AutoCloseable {
    final ManualClock clock = new ManualClock();
    final RecordingListener listener = new RecordingListener();
    final List<FollowedLine> lines = new ArrayList<>();
    final Checkpoints store;
    private final List<String> paths;
    private FollowerOptions options;
    FileFollower follower;

    FollowerHarness(Path stateDir, FollowerOptions options, String... paths) {
        this.store = new Checkpoints(stateDir);
        this.options = options;
        this.paths = List.of(paths);
        start();
    }

    private void start() {
        follower = new FileFollower(paths, options, store.load().checkpoints(), clock, listener, lines::add);
    }

    long poll() {
        return follower.poll();
    }

    /** Polls {@code n} times, moving the clock by one second before each. */
    void pollEverySecond(int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofSeconds(1));
            follower.poll();
        }
    }

    List<String> texts() {
        return lines.stream().map(l -> l.line().text()).toList();
    }

    void save() {
        try {
            store.save(follower.positions());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the follower without saving, starts a new one from the saved checkpoints. */
    void restart() {
        follower.close();
        start();
    }

    @Override
    public void close() {
        follower.close();
    }
}
