package dev.wslogs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.bench.LogGenerator;
import dev.wslogs.classify.RuleSet;
import dev.wslogs.correlate.Attempt;
import dev.wslogs.model.Incident;
import dev.wslogs.model.LogKind;
import dev.wslogs.model.ParseFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze}'s result does not depend on chunk size, worker count or on the byte-level fast
 * path: the same incidents (all their fields, in order) and the same file statistics for small
 * chunks and 1, 2 or 4 workers as for the default, and as when every line goes through the full
 * parser (a listener that takes no quiet lines). The access log is generated, with CRLF endings,
 * UTF-8 and invalid bytes, blank lines and a foreign line sprinkled in so that chunk boundaries
 * fall on every kind of line.
 */
class ReplayDriverDeterminismTest {
    @TempDir
    static Path dir;

    /** What a run produced, as comparable text. */
    private record Outcome(List<String> incidents, List<String> attempts, List<String> stats, long quietLines, long failures) {}

    private static final class Recorder implements PipelineListener {
        final boolean quiet;
        final List<String> incidents = new ArrayList<>();
        /** Attempts a quiet line can never be: WebSocket traffic, or lines that claimed error lines. */
        final List<String> attempts = new ArrayList<>();
        long quietLines;
        long failures;

        Recorder(boolean quiet) {
            this.quiet = quiet;
        }

        @Override
        public void incident(Incident i) {
            incidents.add(i.toString());
        }

        @Override
        public void attempt(Attempt a) {
            if (a.kind() != dev.wslogs.correlate.AttemptKind.OTHER || !a.errors().isEmpty()) {
                attempts.add(a.kind() + "|" + a.why() + "|" + a.access().map(e -> e.position() + " " + e.requestLine()).orElse("-") + "|"
                        + a.errors().stream().map(e -> e.position().toString()).toList());
            }
        }

        @Override
        public void parseFailure(ParseFailure f) {
            failures++;
        }

        @Override
        public boolean acceptsQuietAccess() {
            return quiet;
        }

        @Override
        public void quietAccess(java.util.Set<dev.wslogs.model.Field> fields) {
            quietLines++;
        }
    }

    @BeforeAll
    static void writeLogs() throws IOException {
        LogGenerator.generate(13, 12_000, dir, List.of("extended", "json"));
        sprinkle(dir.resolve("access-extended.log"));
        sprinkle(dir.resolve("access-json.log"));
    }

    /** CRLF endings, UTF-8 and invalid bytes, blank lines and a foreign line, so that chunk boundaries fall on every kind of line. */
    private static void sprinkle(Path access) throws IOException {
        String[] lines = new String(Files.readAllBytes(access), StandardCharsets.ISO_8859_1).split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (i % 7 == 3) l = l + "\r";
            if (i % 11 == 5) l = l.replace("Mozilla", "M\u00c3\u00b6zilla"); // "Mözilla" in UTF-8, read as Latin-1
            if (i % 13 == 6) l = l.replace("Mozilla", "Mo\u00ffzilla"); // an invalid UTF-8 byte
            sb.append(l).append('\n');
            if (i % 101 == 50) sb.append("\n   \n");
            if (i % 997 == 500) sb.append("not an access line\n");
        }
        Files.write(access, sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static InputPlanner.Plan plan() {
        return plan("access-extended.log");
    }

    private static InputPlanner.Plan plan(String accessLog) {
        return plan(accessLog, "error.log");
    }

    private static InputPlanner.Plan plan(String accessLog, String errorLog) {
        InputPlanner.Plan plan = InputPlanner.plan(List.of(
                new InputPlanner.Request(dir.resolve(accessLog).toString(), Optional.of(LogKind.ACCESS)),
                new InputPlanner.Request(dir.resolve(errorLog).toString(), Optional.of(LogKind.ERROR))), name -> Optional.empty());
        assertThat(plan.errors()).isEmpty();
        return plan;
    }

    private static Outcome run(int chunkBytes, int threads, boolean quiet) throws Exception {
        return run("access-extended.log", chunkBytes, threads, quiet);
    }

    private static Outcome run(String accessLog, int chunkBytes, int threads, boolean quiet) throws Exception {
        return run(accessLog, "error.log", chunkBytes, threads, quiet);
    }

    private static Outcome run(String accessLog, String errorLog, int chunkBytes, int threads, boolean quiet) throws Exception {
        InputPlanner.Plan plan = plan(accessLog, errorLog);
        Recorder r = new Recorder(quiet);
        Pipeline pipeline = new Pipeline(RuleSet.load(null), List.of(), List.of(), ZoneOffset.UTC, r);
        List<FileStats> stats = ReplayDriver.run(plan.series(), ZoneOffset.UTC, pipeline, n -> {}, chunkBytes, threads);
        List<String> st = stats.stream().map(s -> String.join("|", s.file, s.kind.name(), s.format, "lines=" + s.lines, "bytes=" + s.bytes,
                "blank=" + s.blank, "parsed=" + s.parsed, "failed=" + s.failed, "other=" + s.otherKind, String.valueOf(s.notes))).toList();
        return new Outcome(r.incidents, r.attempts, st, r.quietLines, r.failures);
    }

    @Test
    void smallChunksAndAnyWorkerCount_giveTheDefaultsResult() throws Exception {
        Outcome reference = run(ReplayDriver.CHUNK_BYTES, Runtime.getRuntime().availableProcessors(), true);
        assertThat(reference.incidents()).hasSizeGreaterThan(20);
        assertThat(reference.quietLines()).isGreaterThan(7_000);
        assertThat(reference.stats()).hasSize(2).first().asString().contains("blank=").doesNotContain("blank=0|");
        for (int chunk : new int[] {4096, 65_536}) {
            for (int threads : new int[] {1, 2, 4}) {
                Outcome o = run(chunk, threads, true);
                assertThat(o).as("chunk %d, %d threads", chunk, threads).isEqualTo(reference);
            }
        }
    }

    /** The report's collector, fed by the fast paths (quiet lines, ordinary lines counted with their error lines) or by attempts only. */
    private static String report(boolean quiet) throws Exception {
        InputPlanner.Plan plan = plan();
        RuleSet rules = RuleSet.load(null);
        dev.wslogs.sink.report.ReportCollector collector = new dev.wslogs.sink.report.ReportCollector(rules, i -> { });
        PipelineListener listener = quiet ? collector : new PipelineListener() {
            @Override
            public void attempt(Attempt a) {
                collector.attempt(a);
            }

            @Override
            public void incident(Incident i) {
                collector.incident(i);
            }

            @Override
            public void parseFailure(ParseFailure f) {
                collector.parseFailure(f);
            }
        };
        Pipeline pipeline = new Pipeline(rules, List.of(), List.of(), ZoneOffset.UTC, listener);
        List<FileStats> stats = ReplayDriver.run(plan.series(), ZoneOffset.UTC, pipeline, n -> {}, 65_536, 2);
        return dev.wslogs.sink.report.JsonReport.report(collector.finish(stats, List.of(), List.of(), true, 0)).toString();
    }

    @Test
    void reportCollector_countsTheFastPathsAsTheAttemptsTheyStandFor() throws Exception {
        String fast = report(true);
        assertThat(fast).contains("\"incidents\"");
        assertThat(report(false)).isEqualTo(fast);
    }

    @Test
    void fullParserForEveryLine_givesTheSameIncidentsAndStats() throws Exception {
        Outcome fast = run(65_536, 2, true);
        Outcome full = run(65_536, 2, false);
        assertThat(full.quietLines()).isZero();
        assertThat(full.incidents()).isEqualTo(fast.incidents());
        // ordinary lines that claimed error lines went through the quiet path's fallback in the fast run
        assertThat(fast.attempts()).anyMatch(a -> a.startsWith("OTHER||") && !a.endsWith("|[]"));
        assertThat(full.attempts()).isEqualTo(fast.attempts());
        assertThat(full.stats()).isEqualTo(fast.stats());
        assertThat(full.failures()).isEqualTo(fast.failures()).isPositive();
    }

    /** The same for an escape=json log, whose ordinary lines the workers read with {@code JsonLineScanner}. */
    @Test
    void jsonLog_fullParserForEveryLine_givesTheSameIncidentsAndStats() throws Exception {
        Outcome fast = run("access-json.log", 65_536, 2, true);
        Outcome full = run("access-json.log", 65_536, 2, false);
        assertThat(fast.quietLines()).isGreaterThan(7_000);
        assertThat(full.quietLines()).isZero();
        assertThat(fast.incidents()).hasSizeGreaterThan(20);
        assertThat(full.incidents()).isEqualTo(fast.incidents());
        assertThat(fast.attempts()).anyMatch(a -> a.startsWith("OTHER||") && !a.endsWith("|[]"));
        assertThat(full.attempts()).isEqualTo(fast.attempts());
        assertThat(full.stats()).isEqualTo(fast.stats());
        assertThat(full.failures()).isEqualTo(fast.failures()).isPositive();
        for (int threads : new int[] {1, 4}) assertThat(run("access-json.log", 4096, threads, true)).isEqualTo(fast);
    }

    /**
     * Deferred decisions are taken before the first access line past their horizon, quiet or not.
     * Three idle timeouts wait for their cluster (two minutes); then only quiet lines arrive, and an
     * error-only incident (a client's TLS handshake failure) leaves when its error line expires. Full
     * parser: the timeouts are decided at the first quiet line past their horizon, before the
     * handshake failure. The quiet path once moved log time without deciding, so the timeouts came
     * out after it, at the end of the input.
     */
    @Test
    void quietLinesPastTheDeferralHorizon_decideWhatWaitedAsAnyAccessLine() throws Exception {
        Path d = Files.createDirectories(dir.resolve("deferral"));
        StringBuilder access = new StringBuilder();
        for (int k = 0; k < 4; k++) {
            access.append(String.format("127.0.0.1 - - [22/Nov/2026:00:00:%02d +0000] \"GET /ws/chat?n=%d HTTP/1.1\" 101 27 \"-\" \"client\" "
                    + "61.000 101 127.0.0.1:8080 61.000 %d 1 15991 \"websocket\" \"Upgrade\"%n", k, k, 10 + k));
        }
        for (int s = 121; s <= 160; s++) {
            access.append(String.format("127.0.0.1 - - [22/Nov/2026:00:%02d:%02d +0000] \"GET /index.html HTTP/1.1\" 200 512 \"-\" \"client\" "
                    + "0.001 200 127.0.0.1:8080 0.001 %d 1 15991 \"-\" \"keep-alive\"%n", s / 60, s % 60, 100 + s));
        }
        Files.writeString(d.resolve("access.log"), access);
        Files.writeString(d.resolve("error.log"), "2026/11/22 00:01:59 [info] 15991#15991: *500 SSL_do_handshake() failed (SSL: error:0A000416:"
                + "SSL routines::sslv3 alert certificate unknown:SSL alert number 46) while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:443\n");
        Outcome fast = run("deferral/access.log", "deferral/error.log", 65_536, 2, true);
        Outcome full = run("deferral/access.log", "deferral/error.log", 65_536, 2, false);
        assertThat(fast.quietLines()).isEqualTo(40);
        List<String> causes = fast.incidents().stream().map(i -> i.replaceAll("(?s).*?cause=([a-z-]+).*", "$1")).toList();
        assertThat(causes).as(String.join("\n", fast.incidents())).containsExactly("proxy-read-timeout", "proxy-read-timeout",
                "proxy-read-timeout", "proxy-read-timeout", "tls");
        assertThat(fast.incidents()).isEqualTo(full.incidents());
    }
}
