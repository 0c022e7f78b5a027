package dev.wslogs.pipeline;

import java.util.Arrays;

/**
 * A chunk's lines after the parallel stage, in order: what each line is and what was parsed from
 * it. Ordinary lines ({@link #QUIET}) keep only their time, connection and path hash — no
 * objects — so most of a busy log is never materialised.
 */
final class ParsedChunk {
    static final byte BLANK = 0;
    /** Ordinary traffic read from the bytes: {@link #time}, {@link #connection}, {@link #pathHash} (client in payload for formats without $connection). */
    static final byte QUIET = 1;
    /** An access entry (payload; its position carries the offset, line number 1 until sequenced). */
    static final byte ENTRY = 2;
    /** An error.log line inside an access log (payload: its text). */
    static final byte ERROR_LINE = 3;
    /** Not this format (payload: {text, reason}). */
    static final byte FAILURE = 4;

    Chunk chunk;
    int lines;
    byte[] kind;
    int[] start;
    int[] end;
    long[] time;
    long[] connection;
    long[] pathHash;
    Object[] payload;
    /**
     * For quiet lines whose spans were kept (1 + their offset in {@link #spanData}; 0: not kept),
     * so that the sequencer can build the entry without matching the line again.
     */
    int[] spanAt;
    /**
     * For quiet lines of a format logging {@code $connection}: the claim keys their entry would give
     * (status, {@code startMillis}, pid: {@code AccessLineScanner#claimKeys}), so that a line that
     * claims error lines needs no second match; {@code claimStatus} -1: not read.
     */
    int[] claimStatus;
    long[] claimStart;
    long[] claimPid;
    int[] spanData = NO_SPANS;
    int spanFill;
    private static final int[] NO_SPANS = new int[0];

    ParsedChunk(Chunk chunk, int capacity) {
        this.chunk = chunk;
        kind = new byte[capacity];
        start = new int[capacity];
        end = new int[capacity];
        time = new long[capacity];
        connection = new long[capacity];
        pathHash = new long[capacity];
        payload = new Object[capacity];
        spanAt = new int[capacity];
        claimStatus = new int[capacity];
        claimStart = new long[capacity];
        claimPid = new long[capacity];
    }

    /** Of a chunk parsed and consumed: forgets its lines (and what they referred to), keeps its arrays for the next chunk. */
    void release() {
        Arrays.fill(payload, 0, lines, null);
        Arrays.fill(spanAt, 0, lines, 0);
        lines = 0;
        spanFill = 0;
        chunk = null;
    }

    /** Room for {@code n} more span ints; the offset to write them at. */
    int reserveSpans(int n) {
        if (spanFill + n > spanData.length) spanData = Arrays.copyOf(spanData, Math.max(spanFill + n, Math.max(1024, 2 * spanData.length)));
        int at = spanFill;
        spanFill += n;
        return at;
    }

    /** Index of a new line spanning {@code data[from, to)} (terminator and trailing CR excluded). */
    int add(byte k, int from, int to) {
        if (lines == kind.length) grow();
        kind[lines] = k;
        start[lines] = from;
        end[lines] = to;
        return lines++;
    }

    private void grow() {
        int n = kind.length * 2;
        kind = Arrays.copyOf(kind, n);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        time = Arrays.copyOf(time, n);
        connection = Arrays.copyOf(connection, n);
        pathHash = Arrays.copyOf(pathHash, n);
        payload = Arrays.copyOf(payload, n);
        spanAt = Arrays.copyOf(spanAt, n);
        claimStatus = Arrays.copyOf(claimStatus, n);
        claimStart = Arrays.copyOf(claimStart, n);
        claimPid = Arrays.copyOf(claimPid, n);
    }
}
