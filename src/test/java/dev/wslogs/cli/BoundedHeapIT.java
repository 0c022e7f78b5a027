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
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (inPlace) cmd.add("-Xmx360m");
        cmd.addAll(List.of("-jar", JAR.toString(), "analyze", "--no-progress", access.toString(), error.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("WSLOGS_THREAD_TIMES", "1");
        pb.environment().remove("WSLOGS_NO_REEXEC");
        pb.environment().remove(BoundedHeap.CHILD_MARK);
        Path out = dir.resolve(inPlace ? "in-place.out" : "child.out");
        Path err = dir.resolve(inPlace ? "in-place.err" : "child.err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
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
    }

    private static String flags(String stderr) {
        return stderr.lines().filter(l -> l.startsWith("wslogs: JVM flags: ")).findFirst().orElse("(no JVM flags line)");
    }
}
