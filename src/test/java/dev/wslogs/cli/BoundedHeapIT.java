package dev.wslogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.bench.LogGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar wslogs.jar analyze} on an input over {@link BoundedHeap#LARGE_INPUT_BYTES}, run
 * as an operator runs it: it re-runs itself in a child JVM with {@link BoundedHeap#CHILD_FLAGS}
 * (the child's own report of its flags proves it), and the report — on standard output, where the
 * child's JVM options must print nothing — and the exit code are those of the same analysis run in
 * place.
 */
class BoundedHeapIT {
    private static final Path JAR = Path.of(System.getProperty("wslogs.jar", "target/wslogs.jar"));

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run analyze(boolean inPlace, Path access, Path error) throws IOException, InterruptedException {
        return analyze(inPlace ? "in-place" : "child", inPlace, access.toString(), error, null);
    }

    /** {@code accessArg} is a path or {@code -}; {@code stdin}, when not null, is piped in (a pipe, not a redirected file). */
    private Run analyze(String name, boolean inPlace, String accessArg, Path error, Path stdin) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (inPlace) cmd.add("-Xmx360m");
        cmd.addAll(List.of("-jar", JAR.toString(), "analyze", "--no-progress", accessArg, error.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("WSLOGS_THREAD_TIMES", "1");
        pb.environment().remove("WSLOGS_NO_REEXEC");
        pb.environment().remove(BoundedHeap.CHILD_MARK);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin == null) pb.redirectInput(ProcessBuilder.Redirect.from(java.io.File.createTempFile("empty", ".in", dir.toFile())));
        Process p = pb.start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                Files.copy(stdin, in);
            }
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("analyze finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void largeInput_runsInTheBoundedChild_withTheSameReport() throws Exception {
        LogGenerator.generate(42, 1_100_000, dir, List.of("extended"));
        Path access = dir.resolve("access-extended.log");
        Path error = dir.resolve("error.log");
        assertThat(Files.size(access) + Files.size(error)).isGreaterThan(BoundedHeap.LARGE_INPUT_BYTES);

        Run child = analyze(false, access, error);
        Run inPlace = analyze(true, access, error);

        String childFlags = flags(child.err());
        for (String flag : BoundedHeap.CHILD_FLAGS) assertThat(childFlags).as("child JVM flags").contains(flag);
        assertThat(flags(inPlace.err())).doesNotContain("-Xmn160m");
        assertThat(child.out()).startsWith("wslogs — WebSocket diagnosis").contains("Findings (").doesNotContain("CompileCommand");
        assertThat(child.out()).isEqualTo(inPlace.out());
        assertThat(child.exit()).isEqualTo(inPlace.exit()).isEqualTo(1); // 1: incidents found

        // What it will read decides, not the bytes on disk: the same log gzipped is a tenth of the
        // threshold, and a pipe has no size at all (zcat access.log.*.gz | wslogs analyze -).
        Path gz = dir.resolve("access.log.2.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz)) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            Files.copy(access, out);
        }
        assertThat(Files.size(gz) + Files.size(error)).isLessThan(BoundedHeap.LARGE_INPUT_BYTES);
        Run gzipped = analyze("gzip", false, gz.toString(), error, null);
        Run piped = analyze("pipe", false, "-", error, access);
        for (Run r : List.of(gzipped, piped)) {
            String f = flags(r.err());
            for (String flag : BoundedHeap.CHILD_FLAGS) assertThat(f).as("child JVM flags").contains(flag);
            assertThat(findings(r.out())).isEqualTo(findings(inPlace.out()));
            assertThat(r.exit()).isEqualTo(1);
        }
    }

    /** The report from its first heading on (the input lines above it name the files, which differ). */
    private static String findings(String report) {
        int at = report.indexOf("\nUpgrade attempts");
        assertThat(at).as("report has its attempts section").isPositive();
        return report.substring(at);
    }

    private static String flags(String stderr) {
        return stderr.lines().filter(l -> l.startsWith("wslogs: JVM flags: ")).findFirst().orElse("(no JVM flags line)");
    }
}
