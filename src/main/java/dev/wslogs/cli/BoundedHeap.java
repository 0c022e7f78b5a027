package dev.wslogs.cli;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code java -jar wslogs.jar analyze} in a child JVM whose memory is bounded and whose JIT
 * suits the input's size.
 *
 * <p>Why: a JVM started without {@code -Xmx} may grow its heap to a quarter of the machine's memory
 * (6 GB on a 24 GB host), and G1 does grow it under a high allocation rate even though what
 * {@code analyze} keeps alive is bounded (a few hundred MB at most: capped correlation state,
 * deferred decisions and report summaries); and on two cores the C2 compiler's start-up work costs
 * more than it returns below a few million lines. A jar cannot set its own JVM flags, so when no
 * heap limit was given, {@code analyze} runs itself again as a child JVM, inheriting standard
 * input, output and error, and exits with the child's code: with {@link #CHILD_FLAGS} (tuned C2)
 * when the input is over {@link #C2_INPUT_BYTES}, else with {@link #SMALL_CHILD_FLAGS} (C1 alone).
 * The input's size is what analyze will read: a gzip file counts uncompressed, standard input from
 * a pipe counts as large ({@link #inputBytes}). Explicit {@code -Xmx}/{@code -XX:MaxRAMPercentage}
 * settings, {@code --help}/{@code --version} and {@code WSLOGS_NO_REEXEC=1} run in place.
 */
final class BoundedHeap {
    static final long HEAP_LIMIT_BYTES = 1L << 30; // a JVM allowed more than this was not limited by the user
    /**
     * The heap is capped; its young generation is fixed large because what analyze keeps is small
     * (tens of MB) while it allocates fast: a small young generation collects often and promotes
     * objects that die soon after (chunks in flight), which then cost full collections. Measured on
     * 2 M lines: 0.6 s in collections with {@code -Xmn160m} against 1.9 s with the default sizing.
     *
     * <p>{@code -XX:FreqInlineSize=45} (default 325; 60 until the hot paths shrank, below) and
     * {@code -XX:CompileThresholdScaling=3} (2 until then): on two cores the C2 compiler competes
     * with the parse workers for CPU. With the defaults it inlines whole call trees into the hot loops (a 57 kB compile of the event dispatch, three 43 kB ones of
     * the error-log splitter) and also compiles start-up code (rules, YAML) that runs a few thousand
     * times, so the hot code waits in profiling tiers while the queue drains. Measured interleaved
     * ({@code WSLOGS_THREAD_TIMES=1}, 10 M lines, two or three runs each): C2 CPU 6.8–9.5 s with the
     * defaults, 5.5–6.1 s with {@code FreqInlineSize=100} alone, 3.1–3.6 s with both flags; total
     * CPU 36–39 s → 32–35 s against {@code FreqInlineSize=100} alone. Output unchanged (these flags
     * only move work between compiler tiers). Since the hot paths were made leaner (op-coded scanner,
     * lazy entries), 45 compiles less for the same code speed: C2 CPU 1.47–1.56 s (60) → 1.13–1.26 s
     * (45), wall 6.03–6.22 s → 5.80–5.99 s in three interleaved rounds on 10 M lines; 50 gave 1.26–1.37
     * s of C2 and 35 1.04–1.06 s, neither a better wall time. With 45, {@code CompileThresholdScaling=3}
     * then compiled less in C1 (0.37–0.39 s against 0.40–0.45 s) and was faster in 5 of 6 interleaved
     * rounds (median wall 5.94 → 5.86 s).
     *
     * <p>The one place where inlining everything pays is the parse workers' byte scanner: its small
     * helpers (literal search, number and list ends, the 8-byte searches) are inlined whatever their
     * size ({@code CompileCommand=inline}; {@code quiet} keeps the JVM from printing the commands on
     * standard output, where the report goes). Worker CPU 10.1–11.2 s → 8.2–9.5 s on 10 M lines
     * (three interleaved pairs); inlining more (the path hash, the time parser) made it worse again.
     */
    static final List<String> CHILD_FLAGS = withHeapFlags("-XX:FreqInlineSize=45", "-XX:CompileThresholdScaling=3", "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=inline,dev.wslogs.parse.AccessLineScanner::*", "-XX:CompileCommand=inline,dev.wslogs.parse.ByteSearch::*");
    /**
     * Below {@link #C2_INPUT_BYTES} the child runs with C1 alone ({@code -XX:TieredStopAtLevel=1}):
     * on two cores the C2 compiler's start-up work (about 500 methods, 1–2.5 s of CPU) is paid back
     * only after a few million lines. Measured interleaved on generated extended logs with their
     * error logs, child flags against these (wall s): the samples (301 lines) 0.95 → 0.66, 100 k
     * lines 1.9 → 1.2, 300 k 2.5 → 1.6, 900 k 4.0 → 2.9, 2 M 5.4 → 5.0, 10 M 13.6 → 18–21.5 (C2 wins
     * from about 2.6 M lines, 750 MB). Same output: the compiler changes only speed.
     */
    static final List<String> SMALL_CHILD_FLAGS = withHeapFlags("-XX:TieredStopAtLevel=1");
    static final long C2_INPUT_BYTES = 512L << 20;

    /** The bounded memory both children run with (see {@link #CHILD_FLAGS}), then {@code jit}. */
    private static List<String> withHeapFlags(String... jit) {
        List<String> flags = new ArrayList<>(List.of("-Xmx360m", "-Xmn160m", "-Xss1m", "-XX:+UseParallelGC", "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxMetaspaceSize=128m"));
        flags.addAll(List.of(jit));
        return List.copyOf(flags);
    }
    static final String CHILD_MARK = "WSLOGS_BOUNDED_CHILD";

    private BoundedHeap() {}

    /** The command line to run instead, or empty to run here. */
    static Optional<List<String>> childCommand(String[] args) {
        if (args.length == 0 || !args[0].equals("analyze")) return Optional.empty();
        for (String a : args) if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) return Optional.empty();
        if (System.getenv(CHILD_MARK) != null || "1".equals(System.getenv("WSLOGS_NO_REEXEC"))) return Optional.empty();
        if (Runtime.getRuntime().maxMemory() <= HEAP_LIMIT_BYTES) return Optional.empty();
        for (String a : jvmArguments()) {
            if (a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize") || a.startsWith("-XX:MaxRAM")) return Optional.empty();
        }
        Optional<Path> jar = ownJar();
        if (jar.isEmpty()) return Optional.empty();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(inputBytes(args) > C2_INPUT_BYTES ? CHILD_FLAGS : SMALL_CHILD_FLAGS);
        cmd.addAll(classDataFlags(jar.get()));
        cmd.add("-jar");
        cmd.add(jar.get().toString());
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /** The class-data archive the build makes next to the jar ({@code scripts/class-data-archive.sh}). */
    static final String CLASS_DATA_ARCHIVE = "wslogs.jsa";

    /**
     * The flags that map the build's class-data archive into the child, when it lies next to the
     * jar: the classes an analyze of the samples loads beyond the JDK's own archive (866 of its
     * 2,207: the parsers, pipeline, rules, YAML, report; not picocli's, whose Java 5 class files
     * CDS refuses), parsed and verified once at build time instead of at every start. The JVM uses
     * it only if this JVM build made it from this very jar (its path, size and time), and otherwise
     * runs as without it, silently: the {@code cds} logging that would say why is off, as standard
     * error is the user's. What it does not survive is a truncated archive: Java 17 maps the
     * missing part and dies of SIGBUS, so {@code scripts/class-data-archive.sh} (which the build
     * runs) writes {@code wslogs.jsa.part} and renames it only once a JVM has started with it.
     * Measured on the samples, {@code java -jar} with and without it in ten interleaved rounds:
     * CPU 1.02 → 0.84 s, median wall 0.65 → 0.54 s (0.96 → 0.77 s and 0.61 → 0.49 s in ten more),
     * the same report.
     */
    static List<String> classDataFlags(Path jar) {
        Path archive = jar.resolveSibling(CLASS_DATA_ARCHIVE);
        if (!Files.isRegularFile(archive)) return List.of();
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** Runs the child and returns its exit code. */
    static int runChild(List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put(CHILD_MARK, "1");
        // a shell's <(zcat …) is a descriptor of this process, which the child does not inherit: it opens it here (LogInput)
        pb.environment().put(dev.wslogs.source.LogInput.PARENT_PID, Long.toString(ProcessHandle.current().pid()));
        try {
            Process p = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            return p.waitFor();
        } catch (java.io.IOException e) {
            System.err.println("wslogs: cannot start a bounded JVM (" + e.getMessage() + "); analysing in place");
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * The JVM's options: the launcher's command line up to {@code -jar} plus the option variables
     * the launcher and the JVM read, as {@code RuntimeMXBean.getInputArguments()} lists them; that
     * bean loads the management classes (about 20 ms of a start-up that is otherwise 80 ms), so it
     * is asked only when the command line is unknown or has no {@code -jar}.
     */
    static List<String> jvmArguments() {
        String[] argv = ProcessHandle.current().info().arguments().orElse(null);
        int jar = argv == null ? -1 : List.of(argv).indexOf("-jar");
        if (jar < 0) return ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> out = new ArrayList<>(List.of(argv).subList(0, jar));
        for (String env : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) out.addAll(List.of(v.trim().split("\\s+")));
        }
        return out;
    }

    /**
     * What the arguments that name inputs will have analyze read, estimated (a heuristic: options'
     * values are not files): a plain file's size; a gzip file's uncompressed size ({@link #fileBytes});
     * for {@code -}, standard input's file when it is redirected from one, and {@link Long#MAX_VALUE}
     * (unknown, so large) when it is a pipe — {@code zcat access.log.*.gz | wslogs analyze -} may
     * carry a week of logs.
     */
    static long inputBytes(String[] args) {
        long total = 0;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            int eq = a.startsWith("--") ? a.indexOf('=') : -1;
            if (eq > 0) a = a.substring(eq + 1);
            long n = a.equals("-") ? stdinBytes() : fileBytes(a);
            if (n == Long.MAX_VALUE) return n;
            total += n;
        }
        return total;
    }

    /** Standard input's size when it is a regular file (Linux's /proc), 0 for a terminal, else unknown ({@link Long#MAX_VALUE}). */
    private static long stdinBytes() {
        Path fd0 = Path.of("/proc/self/fd/0");
        if (Files.isRegularFile(fd0)) return fileBytes(fd0.toString());
        if (!Files.exists(fd0) || System.console() != null) return 0; // no /proc, or someone typing
        return Long.MAX_VALUE;
    }

    /**
     * The bytes analyze will read from {@code path}, 0 when it names no regular file: its size, or
     * for a gzip file ({@link dev.wslogs.source.LogInput#isGzipMagic}) its uncompressed size as the trailer
     * gives it (ISIZE: the last member's, modulo 4 GiB), at least four times the compressed size — a
     * 60 MB {@code access.log.2.gz} is half a gigabyte of log lines.
     */
    static long fileBytes(String path) {
        try {
            Path p = Path.of(path);
            if (!Files.isRegularFile(p)) return isPipe(p) ? Long.MAX_VALUE : 0; // a named pipe, <(zcat …): like a piped stdin
            long size = Files.size(p);
            if (size < 18) return size; // shorter than a gzip header and trailer
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p)) {
                java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(2);
                ch.read(head, 0);
                if (!dev.wslogs.source.LogInput.isGzipMagic(head.get(0) & 0xFF, head.get(1) & 0xFF)) return size;
                java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                ch.read(tail, size - 4);
                long isize = tail.getInt(0) & 0xFFFFFFFFL;
                return Math.max(isize, 4 * size);
            }
        } catch (RuntimeException | java.io.IOException e) {
            return 0; // not a path, or unreadable: analyze reports it
        }
    }

    /** Whether {@code p} is a named pipe (or a shell's {@code /dev/fd/N} of one): its size is unknown. */
    static boolean isPipe(Path p) {
        try {
            return Files.exists(p) && (((Integer) Files.getAttribute(p, "unix:mode")) & 0170000) == 0010000; // S_IFIFO
        } catch (RuntimeException | java.io.IOException e) {
            return false;
        }
    }

    private static Optional<Path> ownJar() {
        // java -jar FILE: the class path is that jar alone; asking the code source loads the security classes (8 ms)
        String cp = System.getProperty("java.class.path", "");
        if (cp.endsWith(".jar") && cp.indexOf(File.pathSeparatorChar) < 0 && new File(cp).isFile()) return Optional.of(Path.of(cp).toAbsolutePath().normalize());
        try {
            var src = Main.class.getProtectionDomain().getCodeSource();
            if (src == null) return Optional.empty();
            File f = new File(src.getLocation().toURI());
            return f.isFile() && f.getName().endsWith(".jar") ? Optional.of(f.toPath()) : Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
