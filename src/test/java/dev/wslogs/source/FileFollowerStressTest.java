package dev.wslogs.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx writes numbered lines in random-sized chunks while logrotate renames and creates (nginx
 * keeps writing to the renamed file for a while, then reopens at a line boundary) and the daemon
 * restarts from its last checkpoint, sometimes missing rotations while it is down. Checkpoints are
 * saved at random points, also from inside the consumer.
 *
 * <p>Checked: every line handed out has the right text, each file's lines come in order with
 * consecutive numbers, the lines re-read after a restart are exactly those handed out after the
 * last save, and counted at save points every line was delivered exactly once.
 */
class FileFollowerStressTest {
    /** Fixed; {@code -Dwslogs.stress.seed=N} replays another run. */
    private static final long SEED = Long.getLong("wslogs.stress.seed", 0x5eed_2026L);
    private static final int LINES = 200_000;

    @TempDir
    Path dir;

    private Random rnd;
    private Path log;
    private ManualClock clock;
    private Checkpoints store;
    private RecordingListener listener;
    private FileFollower follower;
    private NginxWriter nginx;
    private NumberedLines stream;
    private int rotatedFiles;
    private int reopenIn = -1;

    private final int[] committed = new int[LINES];
    private final boolean[] everHandedOut = new boolean[LINES];
    private final Set<Integer> sinceSave = new HashSet<>();
    private Set<Integer> expectedReread = Set.of();
    private final Set<Integer> reread = new HashSet<>();
    /** Per file key, within one follower instance: last line number and sequence number handed out. */
    private final Map<String, long[]> lastPerFile = new HashMap<>();
    private long handedOut;
    private long rereadTotal;
    private int saves;
    private int restarts;
    private int rotations;
    private int rotationsWhileDown;
    private long maxLag;

    @Test
    void randomRotationsAndRestarts_everyLineOnceAtCheckpointGranularity() throws IOException {
        long t0 = System.nanoTime();
        rnd = new Random(SEED);
        log = dir.resolve("access.log");
        clock = new ManualClock();
        store = new Checkpoints(dir.resolve("state"));
        nginx = new NginxWriter(log);
        stream = new NumberedLines(LINES);
        startFollower();
        poll(); // the daemon starts before these lines are written (it starts at the end of existing files)
        save(); // and saves at once, so a crash before the first regular save does not start at the end again
        long polls = 0;
        while (!stream.done()) {
            writeStep();
            if (rnd.nextInt(3) == 0) {
                clock.advance(Duration.ofMillis(rnd.nextInt(300)));
                poll();
                polls++;
                if (rnd.nextInt(25) == 0) save();
            }
            if (rnd.nextInt(250) == 0) restart();
        }
        if (reopenIn >= 0) nginx.reopen();
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofSeconds(1));
            poll();
        }
        save();
        nginx.close();
        follower.close();

        for (int n = 0; n < LINES; n++) {
            if (committed[n] != 1) throw new AssertionError("line " + n + " committed " + committed[n] + " times");
        }
        assertThat(listener.count("readFailed")).isZero();
        assertThat(listener.count("partialLineFlushed")).isZero();
        assertThat(listener.count("checkpointDiscarded")).isZero();
        assertThat(handedOut).isEqualTo(LINES + rereadTotal);
        assertThat(rotations).isGreaterThan(20);
        assertThat(restarts).isGreaterThan(10);
        System.out.printf(
                "stress(seed=%x): %d lines, %d bytes in %d files, %d rotations (%d while down), %d restarts, %d saves, "
                        + "%d polls, %d lines handed out (%d re-read after restarts), max lag %d bytes, %d ms%n",
                SEED, LINES, totalBytes(), rotatedFiles + 1, rotations, rotationsWhileDown, restarts, saves, polls, handedOut,
                rereadTotal, maxLag, (System.nanoTime() - t0) / 1_000_000);
    }

    private void writeStep() {
        if (reopenIn == 0) {
            nginx.write(stream.restOfLine()); // nginx writes whole lines; it switches files between them
            nginx.reopen();
        }
        if (reopenIn >= 0) reopenIn--;
        if (reopenIn < 0 && rnd.nextInt(100) == 0) rotate();
        nginx.write(stream.chunk(1 + rnd.nextInt(4096)));
    }

    /** logrotate: shift access.log.k to .k+1, rename the live file to .1, create an empty one; nginx reopens later. */
    private void rotate() {
        try {
            for (int k = rotatedFiles; k >= 1; k--) Files.move(dir.resolve("access.log." + k), dir.resolve("access.log." + (k + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nginx.renameAndCreate(dir.resolve("access.log.1"));
        rotatedFiles++;
        rotations++;
        reopenIn = 1 + rnd.nextInt(10);
    }

    private void restart() {
        follower.close();
        restarts++;
        // While the daemon is down nginx keeps writing, and logrotate may run (once or twice).
        int before = rotations;
        int chunks = rnd.nextInt(20);
        for (int i = 0; i < chunks && !stream.done(); i++) {
            if (reopenIn < 0 && rnd.nextInt(8) == 0) rotate();
            writeStep();
        }
        rotationsWhileDown += rotations - before;
        clock.advance(Duration.ofMillis(rnd.nextInt(2000)));
        expectedReread = Set.copyOf(sinceSave);
        sinceSave.clear();
        startFollower();
        // The daemon polls at once; without new writes it catches up fully before anything else happens.
        while (poll() > 0) {
            // catch up
        }
        assertThat(reread).as("lines re-read after restart %d", restarts).isEqualTo(expectedReread);
    }

    private void startFollower() {
        listener = listener == null ? new RecordingListener() : listener;
        reread.clear();
        lastPerFile.clear();
        List<Checkpoint> restored = store.load().checkpoints();
        FollowerOptions options = FollowerOptions.defaults().withMaxBytesPerPoll(64 * 1024);
        follower = new FileFollower(List.of(log.toString()), options, restored, clock, listener, this::accept);
    }

    private long poll() {
        long n = follower.poll();
        for (long lag : listener.lag.values()) maxLag = Math.max(maxLag, lag);
        return n;
    }

    private void accept(FollowedLine l) {
        String text = l.line().text();
        int n = NumberedLines.number(text);
        assertThat(text).isEqualTo(NumberedLines.text(n));
        assertThat(l.terminated()).isTrue();
        long[] last = lastPerFile.get(l.identity().key());
        if (last != null) {
            assertThat(l.line().position().line()).as("line numbers of a file are consecutive").isEqualTo(last[0] + 1);
            assertThat(n).as("a file's lines come in order").isEqualTo((int) last[1] + 1);
        }
        lastPerFile.put(l.identity().key(), new long[] {l.line().position().line(), n});
        handedOut++;
        if (everHandedOut[n]) {
            rereadTotal++;
            reread.add(n);
        }
        everHandedOut[n] = true;
        sinceSave.add(n);
        if (rnd.nextInt(5000) == 0) save(); // from inside the consumer: positions() includes this line
    }

    private void save() {
        try {
            store.save(follower.positions());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        saves++;
        for (int n : sinceSave) committed[n]++;
        sinceSave.clear();
    }

    private long totalBytes() throws IOException {
        long sum = 0;
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) sum += Files.size(p);
        }
        return sum;
    }
}
