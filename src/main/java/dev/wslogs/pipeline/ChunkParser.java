package dev.wslogs.pipeline;

import dev.wslogs.classify.Classifier;
import dev.wslogs.correlate.AttemptClassifier;
import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.RawLine;
import dev.wslogs.parse.AccessFormat;
import dev.wslogs.parse.AccessLineScanner;
import dev.wslogs.parse.ByteSearch;
import dev.wslogs.parse.ErrorLogParser;
import dev.wslogs.parse.JsonAccessFormat;
import dev.wslogs.parse.JsonLineScanner;
import dev.wslogs.parse.TextAccessFormat;
import dev.wslogs.source.LineDecoder;
import java.util.Queue;

/**
 * The parallel stage: turns one chunk of an access log into a {@link ParsedChunk}. Everything it
 * does is a function of the line alone, so chunks can be parsed on any thread in any order; what
 * depends on order (line numbers, learned paths, pending error lines) is left to the sequencer.
 *
 * <p>An ordinary line is recognised from its bytes ({@link AccessLineScanner}) and kept as three
 * numbers; any other line is decoded and parsed exactly as {@link SeriesReader} does.
 */
final class ChunkParser {
    /** What the parallel stage may decide alone (immutable, shared by the workers). */
    record QuietRules(AttemptClassifier attempts, boolean[] ignoredStatuses) {
        /** A snapshot of the classifier's quiet statuses ({@link Classifier#ignoresQuietOther}) for the workers. */
        static QuietRules of(AttemptClassifier attempts, Classifier classifier) {
            boolean[] ignored = new boolean[1000];
            for (int s = 0; s < ignored.length; s++) ignored[s] = classifier.ignoresQuietOther(s);
            return new QuietRules(attempts, ignored);
        }
    }

    /**
     * Quiet lines from this status on keep their spans: nginx writes an error line for most answers
     * of 400 and more (open() failed for a 404, the upstream's failure for a 502 or 504, the client's
     * abort for a 499), so those are the ordinary lines that claim error lines and must become
     * entries in the sequencer. Only a shortcut: a line without kept spans is matched again.
     */
    static final int KEEP_SPANS_FROM_STATUS = 400;

    private final String fileName;
    private final int maxLineBytes;
    private final QuietRules quiet;
    /** A worker's parsers for this file, made once per thread rather than once per chunk (they are not thread-safe). */
    private final ThreadLocal<Parsers> parsers;

    private record Parsers(TextAccessFormat.ScannedParser scanned, JsonLineScanner json, AccessFormat.Parser parser) {}

    /** Parsed chunks given back by the sequencer, reused so that a busy log does not allocate (and zero) their arrays per chunk; may be null. */
    private final Queue<ParsedChunk> free;

    ChunkParser(String fileName, AccessFormat format, int maxLineBytes, QuietRules quiet) {
        this(fileName, format, maxLineBytes, quiet, null);
    }

    ChunkParser(String fileName, AccessFormat format, int maxLineBytes, QuietRules quiet, Queue<ParsedChunk> free) {
        this.free = free;
        this.fileName = fileName;
        this.maxLineBytes = maxLineBytes;
        this.quiet = quiet;
        this.parsers = ThreadLocal.withInitial(
                () -> new Parsers(format instanceof TextAccessFormat t ? t.newScannedParser() : null,
                        format instanceof JsonAccessFormat j ? j.newLineScanner() : null, format.newParser()));
    }

    ParsedChunk parse(Chunk c) {
        Parsers p = parsers.get();
        TextAccessFormat.ScannedParser scanned = p.scanned;
        JsonLineScanner json = p.json;
        AccessFormat.Parser parser = p.parser;
        ParsedChunk out = free == null ? null : free.poll();
        if (out == null) out = new ParsedChunk(c, Math.max(16, c.length / 160));
        else out.chunk = c;
        byte[] b = c.data;
        int pos = 0;
        int len = c.length;
        while (pos < len) {
            int found = ByteSearch.lineEnd(b, pos, len); // the line's end, and whether it is ASCII
            boolean ascii = found >= 0;
            int lineEnd = ascii ? found : ~found;
            int end = Math.min(lineEnd, pos + maxLineBytes);
            if (end > pos && b[end - 1] == '\r') end--;
            line(out, scanned, json, parser, b, pos, end, ascii);
            pos = lineEnd + 1;
        }
        return out;
    }

    /**
     * One line. {@code ascii}: no byte ≥ 0x80 up to the line's end — only then may the scanner read
     * it (false also for a byte past a runaway line's cut: the full parser decides, as it may any line).
     */
    private void line(ParsedChunk out, TextAccessFormat.ScannedParser scanned, JsonLineScanner json, AccessFormat.Parser parser, byte[] b,
            int from, int to, boolean ascii) {
        int blank = blank(b, from, to);
        if (blank == 1) {
            out.add(ParsedChunk.BLANK, from, to);
            return;
        }
        if (json != null && ascii && json.walkAscii(b, from, to)) {
            long hash = quiet != null && json.decideValues(b) ? quietPathHash(b, json.status, json.requestFrom, json.requestTo)
                    : AttemptClassifier.NOT_ASCII;
            if (hash != AttemptClassifier.NOT_ASCII) {
                // an ordinary line of a JSON log, counted like a text one; no spans are kept (if the
                // sequencer needs its entry, it walks the line again)
                int i = addQuiet(out, from, to, json.timeMillis, json.connection, hash);
                if (!json.logsConnection()) out.payload[i] = json.remoteAddr(b);
                else claim(out, i, json.claimKeys(b), json.status, json.claimStartMillis, json.claimPid);
                return;
            }
            // not ordinary, but walked: the entry from the values' bytes is the full parser's
            AccessEntry e = json.entry(b, new LinePosition(fileName, 1, out.chunk.baseOffset + from));
            if (e != null) {
                addEntry(out, from, to, e);
                return;
            }
        }
        AccessLineScanner scanner = scanned == null || !ascii ? null : scanned.scanner();
        if (scanner != null && scanner.matchAscii(b, from, to)) {
            long hash = quiet != null && scanner.decide(b) ? quietPathHash(b, scanner.status, scanner.requestFrom, scanner.requestTo)
                    : AttemptClassifier.NOT_ASCII;
            if (hash != AttemptClassifier.NOT_ASCII) {
                int i = addQuiet(out, from, to, scanner.timeMillis, scanner.connection, hash);
                if (!scanner.logsConnection()) out.payload[i] = scanner.remoteAddr(b);
                else claim(out, i, scanner.claimKeys(b), scanner.status, scanner.claimStartMillis, scanner.claimPid);
                if (scanner.status >= KEEP_SPANS_FROM_STATUS) {
                    int at = out.reserveSpans(scanner.spanInts());
                    scanner.copySpans(out.spanData, at);
                    out.spanAt[i] = at + 1;
                }
                return;
            }
            // not ordinary, but matched: the entry from the spans is the full parser's
            AccessEntry e = scanned.fromSpans(b, new LinePosition(fileName, 1, out.chunk.baseOffset + from));
            if (e != null) {
                addEntry(out, from, to, e);
                return;
            }
        }
        String text = LineDecoder.decode(b, from, to - from);
        if (blank == -1 && text.isBlank()) {
            out.add(ParsedChunk.BLANK, from, to);
            return;
        }
        RawLine raw = new RawLine(new LinePosition(fileName, 1, out.chunk.baseOffset + from), text);
        AccessEntry e = parser.parse(raw);
        if (e != null) {
            addEntry(out, from, to, e);
        } else if (ErrorLogParser.looksLikeErrorLine(text)) {
            out.payload[out.add(ParsedChunk.ERROR_LINE, from, to)] = text;
        } else {
            out.payload[out.add(ParsedChunk.FAILURE, from, to)] = new String[] {text, parser.mismatch(raw)};
        }
    }

    /**
     * For a line whose deciding values a scanner has read: the hash of its path when it is ordinary
     * — not a 101, a status the classifier ignores, a plain path that is no WebSocket's
     * ({@link AttemptClassifier#plainRequestPathHash}) — else {@link AttemptClassifier#NOT_ASCII}.
     */
    private long quietPathHash(byte[] b, int status, int requestFrom, int requestTo) {
        if (status == 101 || !quiet.ignoredStatuses()[status]) return AttemptClassifier.NOT_ASCII;
        return quiet.attempts().plainRequestPathHash(b, requestFrom, requestTo);
    }

    /** An ordinary line, counted in the sequencer from what a scanner read of it: its time, connection and path hash. */
    private static int addQuiet(ParsedChunk out, int from, int to, long timeMillis, long connection, long pathHash) {
        int i = out.add(ParsedChunk.QUIET, from, to);
        out.time[i] = timeMillis;
        out.connection[i] = connection;
        out.pathHash[i] = pathHash;
        return i;
    }

    /** An ordinary line's claim keys on error lines (a format with {@code $connection}), or −1 when the scanner could not read them. */
    private static void claim(ParsedChunk out, int i, boolean read, int status, long startMillis, long pid) {
        out.claimStatus[i] = read ? status : -1;
        if (read) {
            out.claimStart[i] = startMillis;
            out.claimPid[i] = pid;
        }
    }

    /** An entry, with what the sequencer will ask of it computed here, on a worker. */
    private static void addEntry(ParsedChunk out, int from, int to, AccessEntry e) {
        int i = out.add(ParsedChunk.ENTRY, from, to);
        out.payload[i] = e.withDerivedValues();
        out.time[i] = e.timeMillis();
    }

    /** 1: blank (ASCII whitespace only, as String.isBlank sees it); 0: not blank; -1: not ASCII, decide on the text. */
    private static int blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)) continue;
            return c < 0 ? -1 : 0;
        }
        return 1;
    }
}
