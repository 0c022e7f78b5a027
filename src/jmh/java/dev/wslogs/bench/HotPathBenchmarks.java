package dev.wslogs.bench;

import dev.wslogs.classify.Classifier;
import dev.wslogs.classify.RuleSet;
import dev.wslogs.correlate.Attempt;
import dev.wslogs.correlate.AttemptClassifier;
import dev.wslogs.correlate.Correlator;
import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.RawLine;
import dev.wslogs.parse.AccessFormat;
import dev.wslogs.parse.AccessLineScanner;
import dev.wslogs.parse.ErrorLogParser;
import dev.wslogs.parse.KnownFormats;
import dev.wslogs.parse.TextAccessFormat;
import dev.wslogs.source.LineDecoder;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The hot paths of {@code wslogs analyze}, each over the same 20,000 generated lines (about 10 %
 * WebSocket traffic): the byte scanner that decides ordinary lines, the full access-line parser,
 * error.log parsing, correlation and classification. Scores are per line.
 *
 * <p>Run: {@code mvn -B -Pbench test-compile exec:exec} (options after {@code -Djmh.args=...}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class HotPathBenchmarks {
    private byte[][] access;
    private RawLine[] accessLines;
    private RawLine[] errorLines;
    private AccessEntry[] entries;
    private ErrorEntry[] errors;
    private List<Attempt> attempts;
    private AccessFormat.Parser parser;
    private AccessLineScanner scanner;
    private AttemptClassifier attemptClassifier;
    private RuleSet rules;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        access = BenchData.lines("access-extended.log");
        byte[][] err = BenchData.lines("error.log");
        TextAccessFormat format = TextAccessFormat.of("extended", KnownFormats.EXTENDED);
        parser = format.newParser();
        scanner = format.newScanner();
        attemptClassifier = new AttemptClassifier(List.of());
        accessLines = new RawLine[access.length];
        entries = new AccessEntry[access.length];
        for (int i = 0; i < access.length; i++) {
            accessLines[i] = new RawLine(new LinePosition("access.log", i + 1, 0), LineDecoder.decode(access[i], 0, access[i].length));
            entries[i] = parser.parse(accessLines[i]);
        }
        errorLines = new RawLine[err.length];
        for (int i = 0; i < err.length; i++) {
            errorLines[i] = new RawLine(new LinePosition("error.log", i + 1, 0), LineDecoder.decode(err[i], 0, err[i].length));
        }
        List<ErrorEntry> es = new ArrayList<>();
        ErrorLogParser p = new ErrorLogParser(es::add, f -> {});
        for (RawLine l : errorLines) p.accept(l);
        p.flush();
        errors = es.toArray(ErrorEntry[]::new);
        rules = RuleSet.load(null);
        attempts = correlateAll(new AttemptClassifier(List.of()));
    }

    /** Scanner and fast-path decision on the bytes: what every ordinary line costs in the parallel stage. */
    @Benchmark
    @OperationsPerInvocation(BenchData.LINES)
    public void scanAccessLine(Blackhole bh) {
        for (byte[] b : access) {
            if (scanner.scan(b, 0, b.length)) bh.consume(attemptClassifier.plainRequestPathHash(b, scanner.requestFrom, scanner.requestTo));
        }
    }

    /** The full parser (String per value, AccessEntry): what a WebSocket or failed line costs. */
    @Benchmark
    @OperationsPerInvocation(BenchData.LINES)
    public void parseAccessLine(Blackhole bh) {
        for (RawLine l : accessLines) bh.consume(parser.parse(l));
    }

    /** Decoding bytes to a line's text (the step the scanner avoids). */
    @Benchmark
    @OperationsPerInvocation(BenchData.LINES)
    public void decodeLine(Blackhole bh) {
        for (byte[] b : access) bh.consume(LineDecoder.decode(b, 0, b.length));
    }

    /** error.log parsing, per line. */
    @Benchmark
    public void parseErrorLog(Blackhole bh) {
        ErrorLogParser p = new ErrorLogParser(bh::consume, bh::consume);
        for (RawLine l : errorLines) p.accept(l);
        p.flush();
    }

    /** Correlation of every access line with the error lines, in log-time order (per access line). */
    @Benchmark
    @OperationsPerInvocation(BenchData.LINES)
    public List<Attempt> correlate() {
        return correlateAll(new AttemptClassifier(List.of()));
    }

    /** Classification of the correlated attempts into incidents (per access line). */
    @Benchmark
    @OperationsPerInvocation(BenchData.LINES)
    public void classify(Blackhole bh) {
        Classifier c = new Classifier(rules, List.of(60_000L), ZoneOffset.UTC, bh::consume);
        for (Attempt a : attempts) c.accept(a);
        c.finish();
    }

    private List<Attempt> correlateAll(AttemptClassifier ac) {
        List<Attempt> out = new ArrayList<>();
        Correlator c = new Correlator(10_000, 200_000, out::add);
        int e = 0;
        for (AccessEntry a : entries) {
            if (a == null) continue;
            while (e < errors.length && errorMillis(errors[e]) <= a.timeMillis()) {
                c.onError(errors[e], errorMillis(errors[e]));
                e++;
            }
            AttemptClassifier.Verdict v = ac.classify(a);
            c.onAccess(a, v.kind(), v.why());
        }
        c.finish();
        return out;
    }

    private static long errorMillis(ErrorEntry e) {
        return e.time().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
