package dev.wslogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.bench.WorstCaseLogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's memory bound — peak RSS under 512 MB whatever the input — against the worst input a
 * host can write ({@link WorstCaseLogs}: long lines, and every structure that waits for a decision
 * filled at once), streamed through named pipes into {@code java -jar wslogs.jar analyze} as an
 * operator runs it (the bounded child JVM; a pipe counts as a large input). Before the byte bounds,
 * this input ran the child out of heap (deferred attempts kept 100,000 lines of 4 kB).
 */
class WorstCaseMemoryIT {
    private static final Path JAR = Path.of(System.getProperty("wslogs.jar", "target/wslogs.jar"));
    private static final long LINES = 400_000;

    @TempDir
    Path dir;

    @Test
    void worstCaseStreamedThroughPipesStaysUnder512MB() throws Exception {
        Path access = dir.resolve("access.log");
        Path error = dir.resolve("error.log");
        mkfifo(access);
        mkfifo(error);
        Thread writer = new Thread(() -> {
            try {
                WorstCaseLogs w = new WorstCaseLogs(LINES, true, 4000, 7);
                w.errorFlood = 10; // 1,000 unclaimed error lines of 4 kB a second of log time: 80 MB would wait 10 s
                w.write(access, error);
            } catch (IOException | InterruptedException e) {
                // analyze stopped reading: its exit code and output tell
            }
        }, "worst-case-writer");
        writer.setDaemon(true);
        writer.start();

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "analyze", "--no-progress", access.toString(), error.toString());
        pb.environment().put("WSLOGS_THREAD_TIMES", "1");
        pb.environment().remove("WSLOGS_NO_REEXEC");
        pb.environment().remove(BoundedHeap.CHILD_MARK);
        Path out = dir.resolve("report.txt");
        Path err = dir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("analyze finished").isTrue();
        writer.join(10_000);
        String report = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);

        assertThat(stderr).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
        assertThat(p.exitValue()).as(stderr).isEqualTo(ExitCodes.INCIDENTS);
        // it ran in the bounded child, with the large-input compiler (a pipe's size is unknown)
        assertThat(stderr).contains("JVM flags: " + String.join(" ", BoundedHeap.CHILD_FLAGS));
        Matcher rss = Pattern.compile("peak RSS: (\\d+) MB").matcher(stderr);
        assertThat(rss.find()).as(stderr).isTrue();
        assertThat(Long.parseLong(rss.group(1))).as("child's peak RSS, MB").isLessThan(512);

        // every line read and accounted for: 19 of every 20 indices write an access line, one of them garbage
        long accessLines = LINES / 20 * 19;
        assertThat(report).contains(String.format("%,d lines, %,d unparsed", accessLines, LINES / 20));
        // the bounds were reached, and the report says so
        assertThat(report).containsPattern("[\\d,]+ connections were decided before their 120 s wait");
        assertThat(report).containsPattern("[\\d,]+ error lines could not wait for their access line");
        assertThat(report).contains("Findings (");
        assertThat(report).contains("proxy-read-timeout");
    }

    private static void mkfifo(Path p) throws IOException, InterruptedException {
        Process m = new ProcessBuilder(List.of("mkfifo", p.toString())).inheritIO().start();
        assertThat(m.waitFor()).isZero();
    }
}
