package dev.wslogs.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFollowerRotationTest {
    @TempDir
    Path dir;

    private Path log() {
        return dir.resolve("access.log");
    }

    private FollowerHarness harness() {
        return new FollowerHarness(dir.resolve("state"), FollowerOptions.defaults(), log().toString());
    }

    private static List<String> textsOf(FollowerHarness h, String key) {
        return h.lines.stream().filter(l -> l.identity().key().equals(key)).map(l -> l.line().text()).toList();
    }

    @Test
    void renameCreate_nginxWritesOldFileDuringGrace_everyLineOnceInFileOrder() throws Exception {
        try (NginxWriter nginx = new NginxWriter(log()); FollowerHarness h = harness()) {
            h.poll();
            nginx.write("old 1\nold 2\nold");
            h.poll();
            String oldKey = FileIdentity.keyOf(log());
            nginx.renameAndCreate(dir.resolve("access.log.1"));
            nginx.write(" 3\n"); // still to the renamed file: nginx has not reopened yet
            h.clock.advance(Duration.ofSeconds(1));
            h.poll();
            String newKey = FileIdentity.keyOf(log());
            Files.writeString(log(), "new 1\n", StandardOpenOption.APPEND); // another worker already reopened
            nginx.write("old 4\n");
            h.clock.advance(Duration.ofSeconds(4)); // < grace since "old 3" was seen
            h.poll();
            nginx.reopen(); // USR1
            nginx.write("new 2\n");
            h.pollEverySecond(7);
            assertThat(textsOf(h, oldKey)).containsExactly("old 1", "old 2", "old 3", "old 4");
            assertThat(textsOf(h, newKey)).containsExactly("new 1", "new 2");
            assertThat(h.texts()).hasSize(6);
            assertThat(h.listener.events).containsSubsequence("fileRotated access.log", "fileClosed access.log");
            assertThat(h.follower.positions()).hasSize(1);
        }
    }

    @Test
    void rotatedFileQuietLongerThanGrace_closedAndPartialLineFlushedMarked() throws Exception {
        try (NginxWriter nginx = new NginxWriter(log()); FollowerHarness h = harness()) {
            h.poll();
            nginx.write("done\ncut off");
            nginx.renameAndCreate(dir.resolve("access.log.1"));
            h.poll();
            h.clock.advance(Duration.ofSeconds(4));
            h.poll();
            assertThat(h.texts()).containsExactly("done");
            h.clock.advance(Duration.ofSeconds(1));
            h.poll();
            assertThat(h.texts()).containsExactly("done", "cut off");
            assertThat(h.lines.get(1).terminated()).isFalse();
            assertThat(h.listener.events).containsSubsequence("partialLineFlushed access.log", "fileClosed access.log");
        }
    }

    @Test
    void restartDuringGrace_rotatedFileFoundBesidePath_resumedFromCheckpoint() throws Exception {
        try (NginxWriter nginx = new NginxWriter(log()); FollowerHarness h = harness()) {
            h.poll();
            nginx.write("a1\n");
            h.poll();
            nginx.renameAndCreate(dir.resolve("access.log.1"));
            nginx.write("a2\n");
            h.poll();
            h.save(); // checkpoints for access.log.1 (as "access.log") at a2, and the new empty file
            nginx.write("a3\n");
            h.restart(); // down while nginx still writes to the old file
            nginx.write("a4\n");
            nginx.reopen();
            nginx.write("b1\n");
            h.poll();
            h.pollEverySecond(6);
            assertThat(h.texts()).containsExactly("a1", "a2", "a3", "a4", "b1");
            assertThat(h.listener.events).contains("checkpointRestored access.log.1", "checkpointRestored access.log");
        }
    }

    @Test
    void twoRotationsWhileDown_intermediateGenerationReadFromStart() throws Exception {
        try (NginxWriter nginx = new NginxWriter(log()); FollowerHarness h = harness()) {
            h.poll();
            nginx.write("g1 a\n");
            h.poll();
            h.save();
            h.follower.close();
            nginx.write("g1 b\n");
            nginx.renameAndCreate(dir.resolve("access.log.1"));
            nginx.reopen();
            nginx.write("g2 a\n");
            Files.move(dir.resolve("access.log.1"), dir.resolve("access.log.2"));
            nginx.renameAndCreate(dir.resolve("access.log.1"));
            nginx.reopen();
            nginx.write("g3 a\n");
            Files.writeString(dir.resolve("access.log.3.gz"), "compressed: never followed");
            h.restart();
            h.poll();
            h.pollEverySecond(6);
            assertThat(h.texts()).containsExactly("g1 a", "g1 b", "g2 a", "g3 a");
        }
    }

    @Test
    void rotatedWhileDown_checkpointedFileCompressed_discardedAndNewFileReadFromStart() throws Exception {
        try (NginxWriter nginx = new NginxWriter(log()); FollowerHarness h = harness()) {
            h.poll();
            nginx.write("g1 a\n");
            h.poll();
            h.save();
            h.follower.close();
            nginx.write("g1 b (lost: compressed while down)\n");
            nginx.renameAndCreate(dir.resolve("access.log.1"));
            Files.delete(dir.resolve("access.log.1"));
            nginx.reopen();
            nginx.write("g2 a\n");
            h.restart();
            h.poll();
            assertThat(h.texts()).containsExactly("g1 a", "g2 a");
            assertThat(h.listener.events).contains("checkpointDiscarded access.log");
        }
    }

    @Test
    void pathMissingAtRestart_rotatedFileStillFound_newFileReadWhenCreated() throws Exception {
        try (NginxWriter nginx = new NginxWriter(log()); FollowerHarness h = harness()) {
            h.poll();
            nginx.write("a1\n");
            h.poll();
            h.save();
            h.follower.close();
            Files.move(log(), dir.resolve("access.log.1")); // logrotate renamed, has not created yet
            nginx.write("a2\n");
            h.restart();
            h.poll();
            assertThat(h.texts()).containsExactly("a1", "a2");
            nginx.reopen(); // nginx creates the file itself
            nginx.write("b1\n");
            h.pollEverySecond(6);
            assertThat(h.texts()).containsExactly("a1", "a2", "b1");
        }
    }

    @Test
    void glob_picksUpNewLogsAndIgnoresRotatedAndCompressedNames() throws Exception {
        Files.writeString(dir.resolve("a.access.log"), "old\n");
        Files.writeString(dir.resolve("a.access.log.1"), "rotated\n");
        Files.writeString(dir.resolve("a.access.log.2.gz"), "gz\n");
        try (FollowerHarness h = new FollowerHarness(dir.resolve("state"), FollowerOptions.defaults(), dir + "/*access.log*")) {
            h.poll();
            Files.writeString(dir.resolve("a.access.log"), "a1\n", StandardOpenOption.APPEND);
            Files.writeString(dir.resolve("b.access.log"), "b1\n"); // a vhost added later: from its start
            h.poll();
            assertThat(h.texts()).containsExactlyInAnyOrder("a1", "b1");
            assertThat(h.lines).extracting(l -> l.path().getFileName().toString()).containsOnly("a.access.log", "b.access.log");
        }
    }

    @Test
    void twoRotationsBetweenPolls_generationNeverSeenAtPathStillRead() throws Exception {
        try (NginxWriter nginx = new NginxWriter(log()); FollowerHarness h = harness()) {
            h.poll();
            nginx.write("g1\n");
            nginx.renameAndCreate(dir.resolve("access.log.1"));
            nginx.reopen();
            nginx.write("g2\n");
            Files.move(dir.resolve("access.log.1"), dir.resolve("access.log.2"));
            nginx.renameAndCreate(dir.resolve("access.log.1"));
            nginx.reopen();
            nginx.write("g3\n");
            h.poll();
            h.pollEverySecond(6);
            assertThat(h.texts()).containsExactly("g1", "g2", "g3");
            assertThat(h.listener.events).contains("fileAppeared access.log.1");
        }
    }
}
