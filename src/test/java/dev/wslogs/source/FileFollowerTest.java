package dev.wslogs.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFollowerTest {
    @TempDir
    Path dir;

    private FollowerHarness harness(FollowerOptions options) {
        return new FollowerHarness(dir.resolve("state"), options, dir.resolve("access.log").toString());
    }

    private Path log() {
        return dir.resolve("access.log");
    }

    @Test
    void chunksWithPartialLines_handedOutOnNewlineOnly() throws Exception {
        try (NginxWriter w = new NginxWriter(log()); FollowerHarness h = harness(FollowerOptions.defaults())) {
            h.poll();
            w.write("GET /a 1");
            h.poll();
            assertThat(h.lines).isEmpty();
            w.write("01\nGET /b 10");
            h.poll();
            w.write("1\nGET /c");
            h.poll();
            w.write(" 101\n");
            h.poll();
            assertThat(h.texts()).containsExactly("GET /a 101", "GET /b 101", "GET /c 101");
            assertThat(h.lines).extracting(l -> l.line().position().line()).containsExactly(1L, 2L, 3L);
            assertThat(h.lines).extracting(l -> l.line().position().offset()).containsExactly(0L, 11L, 22L);
            assertThat(h.lines).extracting(FollowedLine::endOffset).containsExactly(11L, 22L, 33L);
            assertThat(h.lines).allMatch(FollowedLine::terminated);
        }
    }

    @Test
    void restartFromCheckpoint_noLineLostNoneRepeated() throws Exception {
        try (NginxWriter w = new NginxWriter(log()); FollowerHarness h = harness(FollowerOptions.defaults())) {
            h.poll();
            w.write("1\n2\n3\n4");
            h.poll();
            h.save(); // 1..3 durable; "4" is a partial line, not covered by the checkpoint
            w.write("\n5\n");
            h.restart();
            h.poll();
            w.write("6\n");
            h.poll();
            assertThat(h.texts()).containsExactly("1", "2", "3", "4", "5", "6");
            assertThat(h.lines.get(3).line().position().line()).isEqualTo(4);
            assertThat(h.listener.count("checkpointRestored")).isEqualTo(1);
        }
    }

    @Test
    void restartAfterLinesHandedOutButNotSaved_thoseLinesComeAgain() throws Exception {
        try (NginxWriter w = new NginxWriter(log()); FollowerHarness h = harness(FollowerOptions.defaults())) {
            h.poll();
            w.write("1\n2\n");
            h.poll();
            h.save();
            w.write("3\n");
            h.poll();
            h.restart();
            h.poll();
            assertThat(h.texts()).containsExactly("1", "2", "3", "3");
        }
    }

    @Test
    void existingFileAtFirstStart_startsAtEndWithExactLineNumbers() throws Exception {
        Files.writeString(log(), "old1\nold2\npart");
        try (NginxWriter w = new NginxWriter(log()); FollowerHarness h = harness(FollowerOptions.defaults())) {
            h.poll();
            assertThat(h.lines).isEmpty();
            w.write("ial\nnew\n");
            h.poll();
            assertThat(h.texts()).containsExactly("partial", "new");
            assertThat(h.lines.get(0).line().position().line()).isEqualTo(3);
            assertThat(h.lines.get(0).line().position().offset()).isEqualTo(10);
        }
    }

    @Test
    void fromStartOption_readsExistingLines() throws Exception {
        Files.writeString(log(), "old1\nold2\n");
        try (FollowerHarness h = harness(FollowerOptions.defaults().withStartAt(StartPosition.START))) {
            h.poll();
            assertThat(h.texts()).containsExactly("old1", "old2");
        }
    }

    @Test
    void fileAppearingAfterStart_readFromItsStart() throws Exception {
        try (FollowerHarness h = harness(FollowerOptions.defaults())) {
            h.poll();
            h.poll();
            assertThat(h.listener.events).containsExactly("fileMissing access.log");
            Files.writeString(log(), "a\nb\n");
            h.poll();
            assertThat(h.texts()).containsExactly("a", "b");
            assertThat(h.listener.events).containsExactly("fileMissing access.log", "fileAppeared access.log");
        }
    }

    @Test
    void touchWithoutNewData_nothingReplayed() throws Exception {
        try (NginxWriter w = new NginxWriter(log()); FollowerHarness h = harness(FollowerOptions.defaults())) {
            h.poll();
            w.write("a\nb\n");
            h.poll();
            Files.setLastModifiedTime(log(), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
            h.pollEverySecond(3);
            assertThat(h.texts()).containsExactly("a", "b");
            assertThat(h.listener.count("fileTruncated")).isZero();
        }
    }

    @Test
    void copytruncate_shorterFile_readFromZero() throws Exception {
        try (NginxWriter w = new NginxWriter(log()); FollowerHarness h = harness(FollowerOptions.defaults())) {
            h.poll();
            w.write("line one\nline two\n");
            h.poll();
            Files.copy(log(), dir.resolve("access.log.1"));
            try (var ch = FileChannel.open(log(), StandardOpenOption.WRITE)) {
                ch.truncate(0);
            }
            w.write("after\n"); // O_APPEND: lands at offset 0
            h.poll();
            assertThat(h.texts()).containsExactly("line one", "line two", "after");
            assertThat(h.lines.get(2).line().position().line()).isEqualTo(1);
            assertThat(h.listener.count("fileTruncated")).isEqualTo(1);
        }
    }

    @Test
    void copytruncateRegrownPastOffset_detectedByFingerprint() throws Exception {
        try (NginxWriter w = new NginxWriter(log()); FollowerHarness h = harness(FollowerOptions.defaults())) {
            h.poll();
            w.write("a 1\n");
            h.poll();
            try (var ch = FileChannel.open(log(), StandardOpenOption.WRITE)) {
                ch.truncate(0);
            }
            w.write("b 1\nb 2\nb 3\n"); // already longer than the old offset at the next poll
            h.poll();
            assertThat(h.texts()).containsExactly("a 1", "b 1", "b 2", "b 3");
            assertThat(h.listener.count("fileTruncated")).isEqualTo(1);
        }
    }

    @Test
    void truncatedWithPartialLine_partialHandedOutMarked() throws Exception {
        try (NginxWriter w = new NginxWriter(log()); FollowerHarness h = harness(FollowerOptions.defaults())) {
            h.poll();
            w.write("whole\nhal");
            h.poll();
            try (var ch = FileChannel.open(log(), StandardOpenOption.WRITE)) {
                ch.truncate(0);
            }
            h.poll();
            assertThat(h.texts()).containsExactly("whole", "hal");
            assertThat(h.lines.get(1).terminated()).isFalse();
            assertThat(h.listener.count("partialLineFlushed")).isEqualTo(1);
        }
    }

    @Test
    void deleteAndRecreate_oldReadToEnd_newReadFromStart() throws Exception {
        try (FollowerHarness h = harness(FollowerOptions.defaults())) {
            NginxWriter w = new NginxWriter(log());
            h.poll();
            w.write("old 1\n");
            h.poll();
            Files.delete(log());
            w.write("old 2\n"); // nginx still writes to the deleted file
            h.poll();
            w.close();
            Files.writeString(log(), "new 1\n");
            h.poll();
            h.pollEverySecond(6);
            assertThat(h.texts()).containsExactly("old 1", "old 2", "new 1");
            assertThat(h.listener.events).contains("fileMissing access.log", "fileAppeared access.log", "fileClosed access.log");
        }
    }

    @Test
    void pathMissingForSeveralPolls_thenBack_everyLineOnce() throws Exception {
        try (FollowerHarness h = harness(FollowerOptions.defaults())) {
            Files.writeString(log(), "");
            h.poll();
            Files.writeString(log(), "1\n");
            h.poll();
            Files.move(log(), dir.resolve("elsewhere"));
            h.pollEverySecond(10);
            Files.move(dir.resolve("elsewhere"), log());
            Files.writeString(log(), "2\n", StandardOpenOption.APPEND);
            h.pollEverySecond(2);
            Files.writeString(log(), "3\n");
            h.pollEverySecond(2);
            assertThat(h.texts()).containsExactly("1", "2", "3");
            assertThat(h.listener.count("fileMissing")).isEqualTo(1);
            assertThat(h.listener.count("readFailed")).isZero();
        }
    }

    @Test
    void pathBrieflyMissing_sameFileBack_readOnWithoutReplay() throws Exception {
        try (FollowerHarness h = harness(FollowerOptions.defaults())) {
            Files.writeString(log(), "");
            h.poll();
            Files.writeString(log(), "1\n");
            h.poll();
            Files.move(log(), dir.resolve("elsewhere"));
            h.poll();
            Files.move(dir.resolve("elsewhere"), log());
            Files.writeString(log(), "2\n", StandardOpenOption.APPEND);
            h.poll();
            assertThat(h.texts()).containsExactly("1", "2");
            assertThat(h.listener.count("fileRotated")).isZero();
        }
    }

    @Test
    void replacedByDifferentFileOfSameSize_newFileReadFromStart() throws Exception {
        try (FollowerHarness h = harness(FollowerOptions.defaults())) {
            Files.writeString(log(), "");
            h.poll();
            Files.writeString(log(), "aaaa\n");
            h.poll();
            Path tmp = dir.resolve("tmp");
            Files.writeString(tmp, "bbbb\n");
            Files.move(tmp, log(), StandardCopyOption.REPLACE_EXISTING);
            h.poll();
            assertThat(h.texts()).containsExactly("aaaa", "bbbb");
            assertThat(h.listener.count("fileRotated")).isEqualTo(1);
        }
    }

    @Test
    void inodeReuseWithDifferentContent_checkpointNotApplied() throws Exception {
        Files.writeString(log(), "first file line\n");
        FileIdentity now = new FileIdentity(FileIdentity.keyOf(log()), Fingerprint.EMPTY);
        byte[] other = "another file, same inode\n".getBytes(StandardCharsets.UTF_8);
        // A checkpoint of a file with this very inode number but other first bytes: the inode was reused.
        Checkpoint stale = new Checkpoint(log(), new FileIdentity(now.key(), Fingerprint.of(other, other.length)), 10, 1);
        new Checkpoints(dir.resolve("state")).save(List.of(stale));
        try (FollowerHarness h = harness(FollowerOptions.defaults())) {
            h.poll();
            assertThat(h.texts()).containsExactly("first file line");
            assertThat(h.listener.events).contains("checkpointDiscarded access.log");
        }
    }

    @Test
    void lagMetric_reportsBytesNotYetRead() throws Exception {
        try (NginxWriter w = new NginxWriter(log());
                FollowerHarness h = harness(FollowerOptions.defaults().withMaxBytesPerPoll(10))) {
            h.poll();
            w.write("0123456789abcdefghij\n");
            h.poll();
            assertThat(h.listener.lag.values()).containsExactly(11L);
            h.poll();
            h.poll();
            assertThat(h.listener.lag.values()).containsExactly(0L);
            assertThat(h.texts()).containsExactly("0123456789abcdefghij");
        }
    }

    @Test
    void gzipPath_rejectedAtConstruction() {
        assertThatThrownBy(() -> new FollowerHarness(dir, FollowerOptions.defaults(), dir.resolve("access.log.1.gz").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compressed");
    }

    @Test
    void graceElapsed_oldFileClosed_positionsDropIt() throws Exception {
        try (NginxWriter w = new NginxWriter(log()); FollowerHarness h = harness(FollowerOptions.defaults())) {
            h.poll();
            w.write("1\n");
            w.renameAndCreate(dir.resolve("access.log.1"));
            h.poll();
            assertThat(h.follower.positions()).hasSize(2);
            h.clock.advance(Duration.ofSeconds(5));
            h.poll();
            assertThat(h.follower.positions()).hasSize(1);
            assertThat(h.listener.count("fileClosed")).isEqualTo(1);
        }
    }

    @Test
    void positionsCalledFromConsumer_includeTheLineBeingHandedOut() throws Exception {
        Files.writeString(log(), "");
        List<Checkpoint> seen = new ArrayList<>();
        FileFollower[] f = new FileFollower[1];
        f[0] = new FileFollower(List.of(log().toString()), FollowerOptions.defaults(), List.of(), new ManualClock(),
                FollowerListener.NONE, l -> seen.addAll(f[0].positions()));
        f[0].poll();
        Files.writeString(log(), "ab\ncd\n");
        f[0].poll();
        f[0].close();
        assertThat(seen).extracting(Checkpoint::offset).containsExactly(3L, 6L);
        assertThat(seen).extracting(Checkpoint::line).containsExactly(1L, 2L);
    }
}
