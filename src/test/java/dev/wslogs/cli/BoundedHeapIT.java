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
 * {@code java -jar wslogs.jar analyze} run as an operator runs it: it re-runs itself in a child JVM
 * — with {@link BoundedHeap#SMALL_CHILD_FLAGS} (C1 alone) below {@link BoundedHeap#C2_INPUT_BYTES}
 * of input, {@link BoundedHeap#CHILD_FLAGS} above (a pipe's size is unknown: above) — as the child's
 * own report of its flags proves, and the report — on standard output, where the child's JVM
 * options must print nothing — and the exit code are those of the same analysis run in place.
 */
class BoundedHeapIT {
    private static final Path JAR = Path.of(System.getProperty("wslogs.jar", "target/wslogs.jar"));

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run analyze(boolean inPlace, Path access, Path error) throws IOException, InterruptedException {
        return analyze(inPlace ? "in-place" : "child", inPlace, List.of(access.toString()), error, null);
    }

    /** {@code accessArgs} are paths or {@code -}; {@code stdin}, when not null, is piped in (a pipe, not a redirected file). */
    private Run analyze(String name, boolean inPlace, List<String> accessArgs, Path error, Path stdin) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (inPlace) cmd.add("-Xmx360m");
        cmd.addAll(List.of("-jar", JAR.toString(), "analyze", "--no-progress"));
        cmd.addAll(accessArgs);
        cmd.add(error.toString());
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
    void samples_runInTheC1Child_withTheSameReport() throws Exception {
        Path access = Path.of("samples/access-extended.log");
        Path error = Path.of("samples/error.log");
        Run child = analyze(false, access, error);
        Run inPlace = analyze(true, access, error);
        assertChild(child, BoundedHeap.SMALL_CHILD_FLAGS);
        assertThat(flags(inPlace.err())).doesNotContain("-Xmn160m").doesNotContain("TieredStopAtLevel");
        assertThat(child.out()).startsWith("wslogs — WebSocket diagnosis").contains("Findings (").isEqualTo(inPlace.out());
        assertThat(child.exit()).isEqualTo(inPlace.exit()).isEqualTo(1); // 1: incidents found
    }

    @Test
    void largeInputs_runInTheTunedC2Child_plainGzippedOrPiped_withTheSameReport() throws Exception {
        LogGenerator.generate(42, 1_100_000, dir, List.of("extended"));
        Path access = dir.resolve("access-extended.log");
        Path error = dir.resolve("error.log");
        long bytes = Files.size(access) + Files.size(error);
        assertThat(bytes).isLessThan(BoundedHeap.C2_INPUT_BYTES);
        // the same log twice, as a rotated series: over the threshold
        Path older = dir.resolve("access-extended.log.1");
        Files.copy(access, older);
        Run child = analyze("child", false, List.of(access.toString(), older.toString()), error, null);
        Run inPlace = analyze("in-place", true, List.of(access.toString(), older.toString()), error, null);
        assertChild(child, BoundedHeap.CHILD_FLAGS);
        assertThat(child.out()).startsWith("wslogs — WebSocket diagnosis").contains("Findings (").doesNotContain("CompileCommand");
        assertThat(child.out()).isEqualTo(inPlace.out());
        assertThat(child.exit()).isEqualTo(inPlace.exit()).isEqualTo(1);

        // What it will read decides, not the bytes on disk: gzipped, the series is a tenth of the
        // threshold; a pipe has no size at all (zcat access.log.*.gz | wslogs analyze -).
        Path gz = dir.resolve("access-extended.log.1.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz)) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            Files.copy(older, out);
        }
        Files.delete(older);
        assertThat(Files.size(gz) + Files.size(access) + Files.size(error)).isLessThan(BoundedHeap.C2_INPUT_BYTES);
        Run gzipped = analyze("gzip", false, List.of(access.toString(), gz.toString()), error, null);
        assertChild(gzipped, BoundedHeap.CHILD_FLAGS);
        assertThat(findings(gzipped.out())).isEqualTo(findings(inPlace.out()));
        Run piped = analyze("pipe", false, List.of("-"), error, access);
        assertChild(piped, BoundedHeap.CHILD_FLAGS);
        assertThat(piped.exit()).isEqualTo(1);
        Run plainOnce = analyze("plain-once", false, List.of(access.toString()), error, null);
        assertChild(plainOnce, BoundedHeap.SMALL_CHILD_FLAGS);
        assertThat(findings(piped.out())).isEqualTo(findings(plainOnce.out()));
    }

    /**
     * A shell's process substitution, as an operator streams rotated logs in: {@code <(zcat …)} names
     * a descriptor of the first JVM ({@code /dev/fd/63}), which the child does not inherit; the
     * child reads it through the parent, and the report names it as given.
     */
    @Test
    void processSubstitution_readInTheChild_namedAsGiven() throws Exception {
        Path access = Path.of("samples/access-extended.log").toAbsolutePath();
        Path error = Path.of("samples/error.log").toAbsolutePath();
        Path gz = dir.resolve("error.log.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(error, out);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "exec '" + java + "' -jar '" + JAR.toAbsolutePath() + "' analyze --no-progress <(cat '" + access + "') <(zcat '" + gz + "')";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script);
        pb.environment().put("WSLOGS_THREAD_TIMES", "1");
        pb.environment().remove("WSLOGS_NO_REEXEC");
        pb.environment().remove(BoundedHeap.CHILD_MARK);
        Path out = dir.resolve("subst.out");
        Path err = dir.resolve("subst.err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        Run subst = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        assertChild(subst, BoundedHeap.CHILD_FLAGS); // a pipe: its size is unknown
        assertThat(subst.out()).containsPattern("/dev/fd/\\d+  access, extended: 59 lines, 0 unparsed").containsPattern("/dev/fd/\\d+  error, nginx error log");
        Run files = analyze(false, access, error);
        assertThat(subst.exit()).as(subst.err()).isEqualTo(files.exit()).isEqualTo(1);
        assertThat(findings(subst.out())).isEqualTo(findings(files.out()));
    }

    /**
     * The build leaves its class-data archive next to the jar; the child maps it (its flags say
     * so), and this JVM really takes analyze's classes from it — from the "top" (dynamic) layer,
     * not the jar — with the same report as without it. A mismatched archive (the jar rebuilt
     * since, another JVM) is dropped by the JVM without a word: checked on a copy of the jar,
     * which changes its path.
     */
    @Test
    void theBuildsClassDataArchive_isMappedByTheChild_andChangesNothingButTheStart() throws Exception {
        Path archive = JAR.toAbsolutePath().normalize().resolveSibling(BoundedHeap.CLASS_DATA_ARCHIVE);
        assertThat(archive).as("made by mvn package").isRegularFile();
        assertThat(archive.resolveSibling(BoundedHeap.CLASS_DATA_ARCHIVE + ".part")).as("renamed once whole").doesNotExist();
        Path access = Path.of("samples/access-extended.log");
        Path error = Path.of("samples/error-info.log");
        Run child = analyze(false, access, error);
        assertThat(flags(child.err())).contains("-XX:SharedArchiveFile=" + archive);

        Path built = JAR.toAbsolutePath().normalize();
        Run mapped = direct("mapped", built, built, "-Xlog:class+load=info", access, error);
        List<String> shared = mapped.out().lines().filter(l -> l.contains("source: shared objects file (top)")).toList();
        assertThat(shared).as("classes from the archive's top layer").anyMatch(l -> l.contains(" dev.wslogs.cli.Main "))
                .anyMatch(l -> l.contains(" dev.wslogs.pipeline.Pipeline ")).hasSizeGreaterThan(500);

        Run plain = direct("plain", built, null, null, access, error);
        Run archived = direct("archived", built, built, null, access, error);
        assertThat(archived.exit()).isEqualTo(plain.exit()).isEqualTo(1);
        assertThat(archived.out()).isEqualTo(plain.out());
        assertThat(archived.err()).isEqualTo(plain.err()).isEmpty();

        Path copy = Files.copy(JAR, dir.resolve("copy.jar"));
        Run mismatched = direct("mismatched", copy, built, null, access, error);
        assertThat(mismatched.out()).isEqualTo(plain.out());
        assertThat(mismatched.err()).as("nothing said about the archive").isEmpty();
    }

    /**
     * scripts/class-data-archive.sh, as the build and an install run it: a whole archive is made
     * next to the jar it is given (here a copy elsewhere) and maps; a truncated one — which Java 17
     * dies of SIGBUS mapping — is never renamed into place but removed, and the jar runs without.
     */
    @Test
    void theArchiveScript_sealsOnlyAnArchiveThatMaps() throws Exception {
        Path installed = Files.createDirectories(dir.resolve("installed"));
        Path jar = Files.copy(JAR, installed.resolve("wslogs.jar"));
        Path archive = installed.resolve(BoundedHeap.CLASS_DATA_ARCHIVE);
        Path part = installed.resolve(BoundedHeap.CLASS_DATA_ARCHIVE + ".part");
        Run made = script("make", jar);
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(archive).isRegularFile();
        assertThat(part).doesNotExist();
        Run mapped = direct("installed-mapped", jar, jar, "-Xlog:class+load=info", Path.of("samples/access-extended.log"),
                Path.of("samples/error-info.log"));
        assertThat(mapped.out().lines()).anyMatch(l -> l.contains(" dev.wslogs.cli.Main source: shared objects file (top)"));

        byte[] whole = Files.readAllBytes(archive);
        Files.delete(archive);
        Files.write(part, java.util.Arrays.copyOf(whole, whole.length / 2));
        Run sealed = script("seal", "--seal", jar);
        assertThat(sealed.exit()).isZero();
        assertThat(sealed.err()).contains("none made");
        assertThat(archive).doesNotExist();
        assertThat(part).doesNotExist();
        assertThat(BoundedHeap.classDataFlags(jar)).isEmpty();
    }

    private Run script(String name, Object... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("scripts/class-data-archive.sh"));
        for (Object a : args) cmd.add(a.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return finished(name + ".script", pb);
    }

    /** Runs {@code pb} with its output and error in files named after {@code name}; at most two minutes. */
    private Run finished(String name, ProcessBuilder pb) throws IOException, InterruptedException {
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("%s finished", name).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * analyze of {@code jar} in place (C1, as the small child runs), report on stdout, with the
     * archive flags {@link BoundedHeap#classDataFlags} gives {@code archiveOf} (null: none).
     */
    private Run direct(String name, Path jar, Path archiveOf, String log, Path access, Path error) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1"));
        if (archiveOf != null) cmd.addAll(BoundedHeap.classDataFlags(archiveOf));
        if (log != null) cmd.add(log);
        cmd.addAll(List.of("-jar", jar.toString(), "analyze", "--no-progress", access.toString(), error.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("WSLOGS_NO_REEXEC", "1");
        return finished(name, pb);
    }

    private static void assertChild(Run r, List<String> expected) {
        String f = flags(r.err());
        for (String flag : expected) assertThat(f).as("child JVM flags").contains(flag);
        List<String> other = expected == BoundedHeap.CHILD_FLAGS ? BoundedHeap.SMALL_CHILD_FLAGS : BoundedHeap.CHILD_FLAGS;
        for (String flag : other) if (!expected.contains(flag)) assertThat(f).as("child JVM flags").doesNotContain(flag);
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
