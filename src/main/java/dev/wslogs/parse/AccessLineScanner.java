package dev.wslogs.parse;

import dev.wslogs.model.Field;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads the values that decide whether an access line is ordinary traffic — time, status, the
 * request line, {@code $http_upgrade}, {@code $connection} — straight from the line's bytes,
 * without building a String.
 *
 * <p>Invariant: when {@link #scan} returns true, the values are those the full
 * {@link TextAccessFormat} parser would give the same line. It holds because the scanner follows the
 * compiled format exactly as that parser's matcher does on its <em>first</em> choice of every
 * literal (the matcher tries first choices first, so a line that matches that way is matched that
 * way), reads only pure-ASCII lines (where bytes and decoded chars coincide), and answers false —
 * "use the full parser" — for anything else: a first choice that fails, a value the entry builder
 * would reject or rewrite (escapes, {@code -} where a number is needed), bytes ≥ 0x80.
 *
 * <p>Not thread-safe: one scanner per thread (it caches the last timestamp).
 */
public final class AccessLineScanner {
    private final byte[][] literals;
    private final int timeVar;
    private final int statusVar;
    private final int requestVar;
    private final int upgradeVar;
    private final int connectionVar;
    private final int remoteVar;
    private final int requestTimeVar;
    private final int pidVar;
    private final int[] starts;
    private final int[] ends;
    /** Per variable, how its end is found ({@link #REST}, {@link #LIST}, {@link #NUMBER}, {@link #FIND}, {@link #FIND_NUMBER}). */
    private final byte[] op;
    /** Per variable, the first byte of the literal after it in every byte of a word (for the 8-bytes-at-a-time search). */
    private final long[] firstBytes;
    private final TimeParser times = new TimeParser();

    /** The last variable: it takes the rest of the line. */
    private static final byte REST = 0;
    /** A list ({@code $upstream_status} …) followed by a literal starting with a space: {@link #endOfList}. */
    private static final byte LIST = 1;
    /** A number followed by a literal that cannot occur in a number: {@link #endOfNumber}. */
    private static final byte NUMBER = 2;
    /** Anything else: the first occurrence of the next literal. */
    private static final byte FIND = 3;
    /** The first occurrence of the next literal, then the value must be a number (or the last variable, numeric). */
    private static final byte FIND_NUMBER = 4;

    /** Log time (epoch ms) of the last line scanned. */
    public long timeMillis;
    /** {@code $status} (0 when nginx wrote {@code -}). */
    public int status;
    /** The request line's bytes: {@code [requestFrom, requestTo)}, no escapes in it. */
    public int requestFrom;
    public int requestTo;
    /** {@code $connection}, or -1 when the format does not log it. */
    public long connection;

    private AccessLineScanner(byte[][] literals, int[] fieldIndex, boolean[] isList, boolean[] numeric) {
        this.literals = literals;
        this.timeVar = indexOf(fieldIndex, Field.TIME_LOCAL);
        this.statusVar = indexOf(fieldIndex, Field.STATUS);
        this.requestVar = indexOf(fieldIndex, Field.REQUEST);
        this.upgradeVar = indexOf(fieldIndex, Field.HTTP_UPGRADE);
        this.connectionVar = indexOf(fieldIndex, Field.CONNECTION);
        this.remoteVar = indexOf(fieldIndex, Field.REMOTE_ADDR);
        this.requestTimeVar = onlyIndexOf(fieldIndex, Field.REQUEST_TIME);
        this.pidVar = onlyIndexOf(fieldIndex, Field.PID);
        this.starts = new int[fieldIndex.length];
        this.ends = new int[fieldIndex.length];
        int vars = fieldIndex.length;
        this.op = new byte[vars];
        this.firstBytes = new long[vars];
        for (int v = 0; v < vars; v++) {
            byte[] next = literals[v + 1];
            if (next.length == 0) op[v] = numeric[v] ? FIND_NUMBER : REST;
            else if (isList[v] && next[0] == ' ') op[v] = LIST;
            else if (numeric[v] && !numberByte(next[0]) && next[0] != '-') op[v] = NUMBER;
            else op[v] = numeric[v] ? FIND_NUMBER : FIND;
            if (next.length > 0) firstBytes[v] = ByteSearch.pattern(next[0]);
        }
    }

    /**
     * A scanner for a compiled text format, or null if the format is outside what it handles: it
     * needs {@code $time_local}, {@code $status} and {@code $request}, each once; no time variable
     * that would override $time_local ({@code $msec}, {@code $time_iso8601}); no
     * {@code $request_uri} (the target would come from it); ASCII literals; no two variables
     * without a literal between them; no trailing-text tolerance.
     */
    static AccessLineScanner of(String[] literals, int[] fieldIndex, boolean[] isList, boolean[] numeric, Set<Field> fields,
            boolean allowTrailing) {
        if (allowTrailing || fieldIndex.length == 0 || fieldIndex.length > 100) return null;
        if (!fields.contains(Field.TIME_LOCAL) || !fields.contains(Field.STATUS) || !fields.contains(Field.REQUEST)) return null;
        if (fields.contains(Field.MSEC) || fields.contains(Field.TIME_ISO8601) || fields.contains(Field.REQUEST_URI)) return null;
        for (Field f : new Field[] {Field.TIME_LOCAL, Field.STATUS, Field.REQUEST, Field.HTTP_UPGRADE, Field.CONNECTION, Field.REMOTE_ADDR}) {
            int n = 0;
            for (int fi : fieldIndex) if (fi == f.ordinal()) n++;
            if (n > 1) return null;
        }
        byte[][] lits = new byte[literals.length][];
        for (int i = 0; i < literals.length; i++) {
            String l = literals[i];
            for (int k = 0; k < l.length(); k++) if (l.charAt(k) >= 0x80) return null;
            if (l.isEmpty() && i > 0 && i < literals.length - 1) return null; // adjacent variables
            lits[i] = l.getBytes(StandardCharsets.ISO_8859_1);
        }
        return new AccessLineScanner(lits, fieldIndex, isList, numeric);
    }

    /** {@link #indexOf}, or {@link #TWICE} when the format logs the field more than once (claimKeys then leaves it to the entry's rules). */
    private static int onlyIndexOf(int[] fieldIndex, Field f) {
        int v = indexOf(fieldIndex, f);
        for (int i = v + 1; v >= 0 && i < fieldIndex.length; i++) if (fieldIndex[i] == f.ordinal()) return TWICE;
        return v;
    }

    private static final int TWICE = -2;

    private static int indexOf(int[] fieldIndex, Field f) {
        for (int i = 0; i < fieldIndex.length; i++) if (fieldIndex[i] == f.ordinal()) return i;
        return -1;
    }

    /** Start of variable {@code v}'s value in the last line scanned (valid after a true {@link #scan}). */
    int start(int v) {
        return starts[v];
    }

    /** End (exclusive) of variable {@code v}'s value in the last line scanned. */
    int end(int v) {
        return ends[v];
    }

    /** How many ints {@link #copySpans} writes: a start and an end per variable. */
    public int spanInts() {
        return 2 * starts.length;
    }

    /** Writes the last match's spans (start, end per variable) to {@code dst} from {@code at}: an entry can be built from them later. */
    public void copySpans(int[] dst, int at) {
        for (int v = 0; v < starts.length; v++) {
            dst[at + 2 * v] = starts[v];
            dst[at + 2 * v + 1] = ends[v];
        }
    }

    public boolean logsUpgrade() {
        return upgradeVar >= 0;
    }

    public boolean logsConnection() {
        return connectionVar >= 0;
    }

    /**
     * {@code $remote_addr} of the last line scanned as the entry would hold it ({@code ""} for
     * {@code -} or when not logged), or null if it has escapes. Allocates: only for formats without
     * {@code $connection}, whose error lines join on the client.
     */
    public String remoteAddr(byte[] b) {
        if (remoteVar < 0) return "";
        int from = starts[remoteVar];
        int to = ends[remoteVar];
        if (isDash(b, from, to)) return "";
        if (ByteSearch.indexOf(b, from, to, (byte) '\\') >= 0) return null;
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * Scans {@code b[from, to)} (one line, no terminator). True when the line matches on first
     * choices and its deciding values are plain: then the public fields hold them, and
     * {@code $http_upgrade} (if logged) is empty.
     */
    public boolean scan(byte[] b, int from, int to) {
        return ByteSearch.isAscii(b, from, to) && scanAscii(b, from, to);
    }

    /**
     * {@link #scan} of a line the caller already knows to be pure ASCII (it found the line's end
     * with {@link ByteSearch#lineEnd}, which tells): the same answer without a second pass over the
     * bytes. Lines with bytes ≥ 0x80 are the full parser's (positions in the decoded text would differ).
     */
    public boolean scanAscii(byte[] b, int from, int to) {
        return matchAscii(b, from, to) && decide(b) && ByteSearch.indexOf(b, requestFrom, requestTo, (byte) '\\') < 0;
    }

    /**
     * Matches a pure-ASCII line on first choices and records every variable's span, without
     * reading the deciding values: true means the full parser takes the same match (see the class
     * invariant), so an entry can be built from the spans ({@link TextAccessFormat.ScannedParser#fromSpans}).
     */
    public boolean matchAscii(byte[] b, int from, int to) {
        return match(b, from, to);
    }

    /**
     * After a true {@link #matchAscii}: reads the deciding values; true when they are plain, but for
     * escapes in the request, which {@link #scan} also rules out and the pipeline's path check
     * ({@code AttemptClassifier.plainRequestPathHash}) finds in the pass it makes over the request anyway.
     */
    public boolean decide(byte[] b) {
        timeMillis = times.timeLocal(b, starts[timeVar], ends[timeVar]);
        if (timeMillis == TimeParser.INVALID) return false;
        status = status(b, starts[statusVar], ends[statusVar]);
        if (status < 0) return false;
        requestFrom = starts[requestVar];
        requestTo = ends[requestVar];
        if (isDash(b, requestFrom, requestTo)) return false;
        if (upgradeVar >= 0 && ends[upgradeVar] > starts[upgradeVar] && !isDash(b, starts[upgradeVar], ends[upgradeVar])) return false;
        connection = -1;
        if (connectionVar >= 0) {
            connection = digits(b, starts[connectionVar], ends[connectionVar]);
            if (connection < 0) return false;
        }
        return true;
    }

    /** After a true {@link #claimKeys}: what the entry would give for {@code AccessEntry.startMillis}. */
    public long claimStartMillis;
    /** After a true {@link #claimKeys}: {@code AccessEntry.pidNumber}, or -1 when {@code $pid} is not logged. */
    public long claimPid;

    /**
     * After a true {@link #decide}: the rest of what an ordinary line's claim on error lines reads
     * ({@code TextAccessFormat.ScannedParser.claimKeys}, from the same spans): the start of the
     * request ({@link #timeMillis} minus {@code $request_time}) and {@code $pid}, read from the
     * bytes. False when a value is not plain digits (with one {@code .} for the request time) or
     * {@code -}: then the claim reads it as the entry would.
     */
    public boolean claimKeys(byte[] b) {
        if (requestTimeVar == TWICE || pidVar == TWICE) return false;
        long rt = -1;
        if (requestTimeVar >= 0 && !isDash(b, starts[requestTimeVar], ends[requestTimeVar])) {
            rt = TimeParser.secondsToMillis(b, starts[requestTimeVar], ends[requestTimeVar]);
            if (rt < 0) return false;
        }
        claimStartMillis = rt < 0 ? timeMillis : timeMillis - rt;
        claimPid = -1;
        if (pidVar >= 0) {
            int from = starts[pidVar];
            int to = ends[pidVar];
            claimPid = isDash(b, from, to) ? Long.MIN_VALUE : digits(b, from, to); // "" is no number: AccessEntry.numberOf
            if (claimPid == -1) return false;
        }
        return true;
    }

    /**
     * TextAccessFormat's matcher, first choices only (see the class invariant). Each variable's way
     * of ending was decided once per format ({@link #op}), so the loop only dispatches on it.
     */
    private boolean match(byte[] b, int from, int to) {
        if (!startsWith(b, from, to, literals[0])) return false;
        int pos = from + literals[0].length;
        byte[] op = this.op;
        int vars = op.length;
        for (int v = 0; v < vars; v++) {
            byte[] next = literals[v + 1];
            int end;
            switch (op[v]) {
                case FIND -> {
                    end = find(b, pos, to, next, firstBytes[v]);
                    if (end < 0) return false;
                }
                case NUMBER -> {
                    end = endOfNumber(b, pos, to);
                    if (end < 0 || !startsWith(b, end, to, next)) return false;
                }
                case LIST -> {
                    end = endOfList(b, pos, to);
                    if (!startsWith(b, end, to, next)) return false;
                }
                case REST -> end = to;
                default -> { // FIND_NUMBER
                    end = next.length == 0 ? to : find(b, pos, to, next, firstBytes[v]);
                    if (end < 0 || !isNumber(b, pos, end)) return false;
                }
            }
            starts[v] = pos;
            ends[v] = end;
            pos = end + next.length;
        }
        return pos == to;
    }

    /**
     * First occurrence of {@code lit} in {@code b[from, to)}, or -1 (String.indexOf on bytes): its
     * first byte looked for eight bytes at a time, with its pattern ({@code first}) made once per format.
     */
    private static int find(byte[] b, int from, int to, byte[] lit, long first) {
        int n = lit.length;
        int limit = to - n + 1; // candidates start in [from, limit)
        int i = from;
        while (i < limit) {
            int hit = ByteSearch.indexOf(b, i, limit, lit[0], first);
            if (hit < 0) return -1;
            int k = 1;
            while (k < n && b[hit + k] == lit[k]) k++;
            if (k == n) return hit;
            i = hit + 1;
        }
        return -1;
    }

    /**
     * The end of the run of {@code 0-9 .} at {@code pos}, or {@code pos + 1} for a lone {@code -}
     * there, or -1 — what "first occurrence of the next literal, then {@link #isNumber}" decides when
     * that literal starts with none of {@code 0-9 . -} (the caller checks that it follows): then it
     * cannot occur inside the run, so its first occurrence is right after the run (a number) or later
     * (the value holds a non-digit: a number only if it is the lone {@code -}). The first eight bytes
     * are classified at once (numbers in logs are short); bytes ≥ 0x80 go the byte way.
     */
    private static int endOfNumber(byte[] b, int pos, int to) {
        int i = pos;
        if (i <= to - 8) {
            int k = ByteSearch.numberBytesAt(b, i);
            if (k == 0) return b[pos] == '-' ? pos + 1 : -1;
            if (k > 0 && k < 8) return pos + k;
            if (k == 8) i += 8;
        }
        while (i < to && numberByte(b[i])) i++;
        if (i > pos) return i;
        return pos < to && b[pos] == '-' ? pos + 1 : -1;
    }

    private static boolean numberByte(byte c) {
        return (c >= '0' && c <= '9') || c == '.';
    }

    private static boolean startsWith(byte[] b, int pos, int to, byte[] lit) {
        if (to - pos < lit.length) return false;
        for (int i = 0; i < lit.length; i++) if (b[pos + i] != lit[i]) return false;
        return true;
    }

    /** TextAccessFormat.endOfList on bytes. */
    private static int endOfList(byte[] s, int pos, int n) {
        int i = pos;
        while (true) {
            while (i < n && s[i] != ' ' && s[i] != ',') i++;
            if (i + 1 < n && s[i] == ',' && s[i + 1] == ' ' && i + 2 < n && s[i + 2] != ' ') {
                i += 2;
            } else if (i + 3 < n && s[i] == ' ' && s[i + 1] == ':' && s[i + 2] == ' ') {
                i += 3;
            } else {
                return i;
            }
        }
    }

    private static boolean isNumber(byte[] b, int from, int to) {
        if (to - from == 1 && b[from] == '-') return true;
        if (to == from) return false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if ((c < '0' || c > '9') && c != '.') return false;
        }
        return true;
    }

    static boolean isDash(byte[] b, int from, int to) {
        return to - from == 1 && b[from] == '-';
    }

    /** EntryBuilder's status rule: {@code -} is 0, else up to three digits; -1 otherwise. */
    static int status(byte[] b, int from, int to) {
        if (isDash(b, from, to)) return 0;
        if (to == from || to - from > 3) return -1;
        int v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) return -1;
            v = v * 10 + c;
        }
        return v;
    }

    /** A plain decimal (what Long.parseLong accepts without sign), or -1. */
    static long digits(byte[] b, int from, int to) {
        if (to == from || to - from > 18) return -1;
        long v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) return -1;
            v = v * 10 + c;
        }
        return v;
    }
}
