package dev.wslogs.pipeline;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.Field;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.LogKind;
import dev.wslogs.model.ParseFailure;
import dev.wslogs.model.RawLine;
import dev.wslogs.parse.AccessFormat;
import dev.wslogs.parse.ErrorLogParser;
import dev.wslogs.parse.JsonAccessFormat;
import dev.wslogs.parse.JsonLineScanner;
import dev.wslogs.parse.TextAccessFormat;
import dev.wslogs.source.LineDecoder;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The sequencer of an access series: takes its parsed chunks in file order and turns them into the
 * series' events — exactly the sequence {@link SeriesReader} produces (same positions, same
 * counters, same times for failures, error.log lines inside the access log assembled the same
 * way) — plus quiet lines, which go to {@link Pipeline#acceptQuietAccess} and are built into entries
 * only when the pipeline asks for it.
 */
final class AccessSeriesSource implements EventSource {
    private final List<InputFile> files;
    private final BlockingQueue<Future<ParsedChunk>> chunks;
    private final BufferPool buffers;
    /** Where consumed parsed chunks go back to the workers. */
    private final Queue<ParsedChunk> parsed;
    private final List<FileStats> stats;
    private final ErrorClock clock;
    private final ArrayDeque<Event> out = new ArrayDeque<>();
    private ParsedChunk chunk;
    private int next;
    private long lineBase;
    private int file = -1;
    private FileStats st;
    private ErrorLogParser errors;
    private AccessFormat.Parser parser;
    private TextAccessFormat.ScannedParser scanned; // the same entries from bytes, for lines the scanner takes
    private JsonLineScanner json; // the same for a JSON log's quiet lines (ASCII, walked by a worker)
    private Set<Field> fields;
    private boolean connectionLogged;
    private long lastTime = Long.MIN_VALUE;
    private boolean done;
    private int quiet = -1; // index in chunk of the quiet line at the head, or -1

    AccessSeriesSource(List<InputFile> files, BlockingQueue<Future<ParsedChunk>> chunks, BufferPool buffers, Queue<ParsedChunk> parsed,
            List<FileStats> stats, ZoneId zone) {
        this.files = files;
        this.chunks = chunks;
        this.buffers = buffers;
        this.parsed = parsed;
        this.stats = stats;
        this.clock = new ErrorClock(zone);
    }

    @Override
    public boolean ready() throws InterruptedException {
        while (out.isEmpty() && quiet < 0) {
            if (!step()) return false;
        }
        return true;
    }

    @Override
    public long time() {
        return quiet >= 0 ? chunk.time[quiet] : out.peekFirst().time();
    }

    @Override
    public int rank() {
        return quiet >= 0 || out.peekFirst() instanceof Event.Access ? 1 : 0;
    }

    @Override
    public void deliver(Pipeline pipeline) {
        if (quiet < 0) {
            pipeline.accept(out.pollFirst());
            return;
        }
        int i = quiet;
        quiet = -1;
        deliverQuiet(pipeline, chunk, i);
    }

    /**
     * {@link EventSource#deliverRun}, with the run's quiet lines taken straight from the chunk's
     * arrays: consecutive quiet lines go to {@link Pipeline#acceptQuietAccess} in one loop, without
     * making each the head first ({@link #step}, {@link #time}, {@link #rank}) — the same events in
     * the same order, with the same counts, as one merge step per line (9 in 10 lines of a busy host).
     */
    @Override
    public void deliverRun(Pipeline pipeline, long limitTime, int limitRank, boolean winsTies) throws InterruptedException {
        deliver(pipeline);
        while (true) {
            if (quiet < 0 && out.isEmpty() && chunk != null) {
                ParsedChunk c = chunk;
                byte[] kind = c.kind;
                long[] time = c.time;
                int n = c.lines;
                int i = next;
                // a quiet line is an access line: rank 1
                while (i < n && kind[i] == ParsedChunk.QUIET && EventSource.precedes(time[i], 1, limitTime, limitRank, winsTies)) {
                    next = i + 1;
                    st.parsed++;
                    lastTime = time[i];
                    deliverQuiet(pipeline, c, i);
                    i++;
                }
            }
            if (!ready() || !EventSource.precedes(time(), rank(), limitTime, limitRank, winsTies)) return;
            deliver(pipeline);
        }
    }

    /** Quiet line {@code i} of {@code c}, already counted and made the current line. */
    private void deliverQuiet(Pipeline pipeline, ParsedChunk c, int i) {
        String client = connectionLogged ? null : (String) c.payload[i];
        Pipeline.QuietOutcome outcome = pipeline.acceptQuietAccess(c.time[i], connectionLogged, c.connection[i], client, c.pathHash[i], fields);
        if (outcome == Pipeline.QuietOutcome.TAKEN) return;
        // a quiet line was scanned, so the scanned parser takes it: no decoding, no backtracking
        // (quiet lines are ASCII and plain: only the spans are needed again)
        boolean kept = scanned != null && c.spanAt[i] > 0;
        boolean matched = kept; // the scanner's spans (kept, or just matched) are this line's
        if (outcome == Pipeline.QuietOutcome.ORDINARY_ENTRY && connectionLogged && (scanned != null || c.claimStatus[i] >= 0)) {
            // its claim needs only its keys — read by the worker, or else from the spans — and the
            // entry is built only if the claimed error lines may matter
            boolean read;
            if (c.claimStatus[i] >= 0) {
                keys.status = c.claimStatus[i];
                keys.startMillis = c.claimStart[i];
                keys.pid = c.claimPid[i];
                read = true;
            } else {
                matched = kept || rematch(c, i);
                read = matched && (kept ? scanned.claimKeys(c.chunk.data, c.spanData, c.spanAt[i] - 1, c.time[i], keys)
                        : scanned.claimKeys(c.chunk.data, c.time[i], keys));
            }
            if (read) {
                boolean spans = matched;
                pipeline.acceptOrdinaryClaim(c.time[i], keys.startMillis, c.connection[i], keys.pid, keys.status, fields,
                        () -> entry(c, i, kept, spans || (scanned != null && rematch(c, i))));
                return;
            }
        } else if (!kept && scanned != null) {
            matched = rematch(c, i);
        }
        AccessEntry e = entry(c, i, kept, matched);
        if (outcome == Pipeline.QuietOutcome.ORDINARY_ENTRY) pipeline.acceptOrdinary(e);
        else pipeline.accept(new Event.Access(e));
    }

    private final TextAccessFormat.ClaimKeys keys = new TextAccessFormat.ClaimKeys();

    /** Matches quiet line {@code i} again with the scanner (it was matched by a worker: true unless the format changed). */
    private boolean rematch(ParsedChunk c, int i) {
        return scanned.scanner().matchAscii(c.chunk.data, c.start[i], c.end[i]);
    }

    /**
     * The entry of quiet line {@code i}: from its kept spans, or from the scanner's spans when it has
     * just matched the line again ({@code matched}, and nothing matched since), else parsed.
     */
    private AccessEntry entry(ParsedChunk c, int i, boolean kept, boolean matched) {
        AccessEntry e;
        if (kept) e = scanned.fromSpans(c.chunk.data, c.spanData, c.spanAt[i] - 1, position(i));
        else if (matched) e = scanned.fromSpans(c.chunk.data, position(i));
        else if (json != null && json.walkAscii(c.chunk.data, c.start[i], c.end[i])) e = json.entry(c.chunk.data, position(i));
        else e = null;
        if (e == null) {
            RawLine line = new RawLine(position(i), LineDecoder.decode(c.chunk.data, c.start[i], c.end[i] - c.start[i]));
            e = parser.parse(line);
            if (e == null) throw new IllegalStateException("scanned line no longer parses: " + line.position());
        }
        return e;
    }

    /** Sequences the next line (or chunk, or file); false at the end of the series. */
    private boolean step() throws InterruptedException {
        if (done) return false;
        if (chunk == null || next >= chunk.lines) {
            if (chunk != null) endChunk();
            Future<ParsedChunk> f = chunks.take();
            if (f == ChunkReader.END) {
                done = true;
                return !out.isEmpty();
            }
            chunk = get(f);
            next = 0;
            if (chunk.chunk.file != file) startFile(chunk.chunk.file);
            return true;
        }
        int i = next++;
        switch (chunk.kind[i]) {
            case ParsedChunk.BLANK -> st.blank++;
            case ParsedChunk.QUIET -> {
                st.parsed++;
                lastTime = chunk.time[i];
                quiet = i;
            }
            case ParsedChunk.ENTRY -> {
                st.parsed++;
                AccessEntry e = (AccessEntry) chunk.payload[i];
                lastTime = e.timeMillis();
                out.addLast(new Event.Access(e.withPosition(position(i))));
            }
            case ParsedChunk.ERROR_LINE -> {
                st.otherKind++;
                errors.accept(new RawLine(position(i), (String) chunk.payload[i]));
            }
            case ParsedChunk.FAILURE -> {
                st.failed++;
                String[] tf = (String[]) chunk.payload[i];
                out.addLast(new Event.Failure(new ParseFailure(position(i), LogKind.ACCESS, tf[1], tf[0]), lastTime));
            }
            default -> throw new IllegalStateException("line kind " + chunk.kind[i]);
        }
        return true;
    }

    private LinePosition position(int i) {
        return new LinePosition(files.get(file).input().name(), lineBase + i + 1, chunk.chunk.baseOffset + chunk.start[i]);
    }

    private void startFile(int f) {
        file = f;
        InputFile in = files.get(f);
        st = new FileStats(in.input().name(), in.kind(), in.format().name());
        if (!in.formatNote().isEmpty()) st.notes.add(in.formatNote());
        stats.add(st);
        FileStats s = st;
        errors = new ErrorLogParser(e -> {
            s.parsed++;
            out.addLast(new Event.Error(e, toMillis(e)));
        }, pf -> {
            s.failed++;
            out.addLast(new Event.Failure(pf, lastTime));
        });
        parser = in.format().newParser();
        scanned = in.format() instanceof TextAccessFormat t ? t.newScannedParser() : null;
        json = in.format() instanceof JsonAccessFormat j ? j.newLineScanner() : null;
        fields = in.format().fields();
        connectionLogged = in.format().logs(Field.CONNECTION);
        lineBase = 0;
    }

    /** The chunk is consumed: count its lines, close its file if it was the last, free its buffer. */
    private void endChunk() {
        Chunk c = chunk.chunk;
        lineBase += chunk.lines;
        chunk.release();
        parsed.offer(chunk);
        chunk = null;
        if (c.endOfFile) {
            if (c.fileBytes >= 0) st.bytes = c.fileBytes;
            switch (c.endNote) {
                case TRUNCATED -> st.notes.add("truncated (compressed stream ends early after line " + lineBase + "): " + c.endMessage);
                case READ_ERROR -> st.notes.add("read error after line " + lineBase + ": " + c.endMessage);
                case NONE -> { }
            }
            errors.flush();
            st.lines = lineBase;
            if (st.lines == 0) st.notes.add("empty file");
        }
        buffers.give(c.data);
    }

    private long toMillis(ErrorEntry e) {
        long t = clock.millis(e);
        lastTime = t;
        return t;
    }

    private static ParsedChunk get(Future<ParsedChunk> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }
}
