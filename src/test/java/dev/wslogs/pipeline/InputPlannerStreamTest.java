package dev.wslogs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.model.LogKind;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning a named pipe takes its head for detection and leaves the whole stream to the reader. */
class InputPlannerStreamTest {
    private static final String LINE = "127.0.0.1 - - [22/Nov/2026:10:00:05 +0000] \"GET /ws HTTP/1.1\" 101 12 \"-\" \"J\"\n";

    @TempDir
    Path dir;

    @Test
    void namedPipe_namedTwice_plannedOnce_andReadWhole() throws Exception {
        Path fifo = dir.resolve("access.log");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        int lines = 20_000; // 1.6 MB: more than the head the planner reads
        Thread w = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                for (int i = 0; i < lines; i++) out.write(LINE.getBytes(StandardCharsets.US_ASCII));
            } catch (java.io.IOException e) {
                // the reader went away: the assertions tell
            }
        });
        w.setDaemon(true);
        w.start();
        InputPlanner.Plan plan = InputPlanner.plan(List.of(new InputPlanner.Request(fifo.toString(), Optional.empty()),
                new InputPlanner.Request(fifo.toString(), Optional.empty())), name -> Optional.empty());
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.series()).singleElement().satisfies(s -> assertThat(s).hasSize(1));
        InputFile f = plan.series().get(0).get(0);
        assertThat(f.kind()).isEqualTo(LogKind.ACCESS);
        assertThat(f.format().name()).isEqualTo("combined");
        try (InputStream in = f.input().open()) {
            assertThat(in.readAllBytes()).hasSize(lines * LINE.length());
        }
    }
}
