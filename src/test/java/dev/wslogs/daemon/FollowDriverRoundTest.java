package dev.wslogs.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.classify.RuleSet;
import dev.wslogs.correlate.Attempt;
import dev.wslogs.model.ErrorEntry;
import dev.wslogs.parse.KnownFormats;
import dev.wslogs.parse.TextAccessFormat;
import dev.wslogs.pipeline.Pipeline;
import dev.wslogs.pipeline.PipelineListener;
import dev.wslogs.source.FileIdentity;
import dev.wslogs.source.FollowerListener;
import dev.wslogs.source.FollowerOptions;
import dev.wslogs.source.StartPosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx writes a connection's error lines, then its access line, at any moment — also between the
 * two reads of one poll. Here the writes land exactly there (the follower's per-file callback after
 * the first file read), and the access line must still be joined with its error line.
 */
class FollowDriverRoundTest {
    private static final String ERROR = "2026/11/22 10:00:00 [error] 7#7: *42 connect() failed (111: Connection refused) while connecting to upstream,"
            + " client: 10.0.0.1, server: x, request: \"GET /ws HTTP/1.1\", upstream: \"http://127.0.0.1:9/ws\", host: \"x\"\n";
    private static final String ACCESS = "10.0.0.1 - - [22/Nov/2026:10:00:00 +0000] \"GET /ws HTTP/1.1\" 502 157 \"-\" \"t\" 0.001 502"
            + " 127.0.0.1:9 0.000 42 1 7 \"websocket\" \"Upgrade\"\n";

    @TempDir
    Path dir;

    @Test
    void linesWrittenBetweenTheTwoReadsOfAPoll_areStillJoined() throws Exception {
        Path access = Files.createFile(dir.resolve("access.log"));
        Path error = Files.createFile(dir.resolve("error.log"));
        List<Attempt> attempts = new ArrayList<>();
        Pipeline pipeline = new Pipeline(RuleSet.load(null), List.of(), List.of(), ZoneOffset.UTC, new PipelineListener() {
            @Override
            public void attempt(Attempt a) {
                attempts.add(a);
            }
        });
        boolean[] write = {false};
        FollowerListener nginxWritesNow = new FollowerListener() {
            @Override
            public void fileLagMeasured(Path path, FileIdentity file, long bytesBehind) {
                if (!write[0]) return;
                write[0] = false; // right after the first file of the poll was read
                append(error, ERROR);
                append(access, ACCESS);
            }
        };
        try (FollowDriver driver = new FollowDriver(List.of(access.toString()), List.of(error.toString()),
                FollowerOptions.defaults().withStartAt(StartPosition.START), List.of(), new TestClock(), nginxWritesNow, pipeline,
                ZoneOffset.UTC, f -> Optional.of(TextAccessFormat.of("extended", KnownFormats.EXTENDED)), new FollowDriver.Observer() {})) {
            driver.poll(); // opens both files
            write[0] = true;
            driver.poll(); // the lines are written between its two reads
            assertThat(write[0]).as("the lines were written during the poll").isFalse();
            driver.poll();
            driver.poll();
            pipeline.finish();
        }
        List<Attempt> withAccess = attempts.stream().filter(a -> a.access().isPresent()).toList();
        assertThat(withAccess).hasSize(1);
        assertThat(withAccess.get(0).errors()).extracting(ErrorEntry::connection).containsExactly(42L);
        assertThat(attempts).noneMatch(a -> a.access().isEmpty()); // the error line did not leave alone
    }

    private static void append(Path p, String text) {
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
