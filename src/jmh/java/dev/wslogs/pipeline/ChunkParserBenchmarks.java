package dev.wslogs.pipeline;

import dev.wslogs.bench.BenchData;
import dev.wslogs.classify.Classifier;
import dev.wslogs.classify.RuleSet;
import dev.wslogs.correlate.AttemptClassifier;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.RawLine;
import dev.wslogs.parse.FormatDetector;
import dev.wslogs.parse.KnownFormats;
import dev.wslogs.parse.TextAccessFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.time.ZoneOffset;
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

/**
 * What a worker thread spends per access line: {@link ChunkParser#parse} over one chunk of the
 * generated extended-format log (newline search, scanner, fast-path decision, and the full parser
 * for the lines that need it), with the default rules' quiet statuses. Scores are per line.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ChunkParserBenchmarks {
    private ChunkParser parser;
    private Chunk chunk;
    private Chunk quietChunk;
    private ChunkParser jsonParser;
    private Chunk jsonChunk;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        byte[] data = Files.readAllBytes(BenchData.dir().resolve("access-extended.log"));
        chunk = new Chunk(0, data, data.length, 0, true, Chunk.EndNote.NONE, null, data.length);
        Classifier c = new Classifier(RuleSet.load(null), List.of(60_000L), ZoneOffset.UTC, i -> {});
        parser = new ChunkParser("access.log", TextAccessFormat.of("extended", KnownFormats.EXTENDED), 1 << 20,
                ChunkParser.QuietRules.of(new AttemptClassifier(List.of()), c));
        ParsedChunk all = parser.parse(chunk);
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        for (int n = 0, i = 0; n < BenchData.LINES; i = (i + 1) % all.lines) {
            if (all.kind[i] != ParsedChunk.QUIET) continue;
            quiet.write(data, all.start[i], all.end[i] - all.start[i]);
            quiet.write('\n');
            n++;
        }
        byte[] q = quiet.toByteArray();
        quietChunk = new Chunk(0, q, q.length, 0, true, Chunk.EndNote.NONE, null, q.length);
        byte[] json = Files.readAllBytes(BenchData.dir().resolve("access-json.log"));
        jsonChunk = new Chunk(0, json, json.length, 0, true, Chunk.EndNote.NONE, null, json.length);
        List<RawLine> sample = new ArrayList<>();
        try (var lines = Files.lines(BenchData.dir().resolve("access-json.log"), StandardCharsets.ISO_8859_1)) {
            lines.limit(200).forEach(l -> sample.add(new RawLine(new LinePosition("access-json.log", sample.size() + 1, 0), l)));
        }
        jsonParser = new ChunkParser("access-json.log", FormatDetector.detect(sample, List.of()).format(), 1 << 20,
                ChunkParser.QuietRules.of(new AttemptClassifier(List.of()), c));
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.LINES)
    public ParsedChunk parseChunk() {
        return parser.parse(chunk);
    }

    /**
     * Only lines the fast path decides (the log's ordinary traffic, repeated to the same line
     * count), so the score is the per-line cost of newline search, scanner and path check alone.
     */
    @Benchmark
    @OperationsPerInvocation(BenchData.LINES)
    public ParsedChunk parseQuietChunk() {
        return parser.parse(quietChunk);
    }

    /** The same traffic as an escape=json log (format detected, keys by name): JsonLineScanner's fast path and the full parser. */
    @Benchmark
    @OperationsPerInvocation(BenchData.LINES)
    public ParsedChunk parseJsonChunk() {
        return jsonParser.parse(jsonChunk);
    }
}
