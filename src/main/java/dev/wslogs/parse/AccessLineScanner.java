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
    private final boolean[] isList;
    private final boolean[] numeric;
    private final int timeVar;
    private final int statusVar;
    private final int requestVar;
    private final int upgradeVar;
    private final int connectionVar;
    private final int remoteVar;
    private final int[] starts;
    private final int[] ends;
    private final TimeParser times = new TimeParser();

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
        this.isList = isList;
        this.numeric = numeric;
        this.timeVar = indexOf(fieldIndex, Field.TIME_LOCAL);
        this.statusVar = indexOf(fieldIndex, Field.STATUS);
        this.requestVar = indexOf(fieldIndex, Field.REQUEST);
        this.upgradeVar = indexOf(fieldIndex, Field.HTTP_UPGRADE);
        this.connectionVar = indexOf(fieldIndex, Field.CONNECTION);
        this.remoteVar = indexOf(fieldIndex, Field.REMOTE_ADDR);
        this.starts = new int[fieldIndex.length];
        this.ends = new int[fieldIndex.length];
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
        return matchAscii(b, from, to) && decide(b);
    }

    /**
     * Matches a pure-ASCII line on first choices and records every variable's span, without
     * reading the deciding values: true means the full parser takes the same match (see the class
     * invariant), so an entry can be built from the spans ({@link TextAccessFormat.ScannedParser#fromSpans}).
     */
    public boolean matchAscii(byte[] b, int from, int to) {
        return match(b, from, to);
    }

    /** After a true {@link #matchAscii}: reads the deciding values; true when the line is plain (as {@link #scan}). */
    public boolean decide(byte[] b) {
        timeMillis = times.timeLocal(b, starts[timeVar], ends[timeVar]);
        if (timeMillis == TimeParser.INVALID) return false;
        status = status(b, starts[statusVar], ends[statusVar]);
        if (status < 0) return false;
        requestFrom = starts[requestVar];
        requestTo = ends[requestVar];
        if (isDash(b, requestFrom, requestTo) || ByteSearch.indexOf(b, requestFrom, requestTo, (byte) '\\') >= 0) return false;
        if (upgradeVar >= 0 && ends[upgradeVar] > starts[upgradeVar] && !isDash(b, starts[upgradeVar], ends[upgradeVar])) return false;
        connection = -1;
        if (connectionVar >= 0) {
            connection = digits(b, starts[connectionVar], ends[connectionVar]);
            if (connection < 0) return false;
        }
        return true;
    }

    /** TextAccessFormat's matcher, first choices only (see the class invariant). */
    private boolean match(byte[] b, int from, int to) {
        if (!startsWith(b, from, to, literals[0])) return false;
        int pos = from + literals[0].length;
        int vars = starts.length;
        for (int v = 0; v < vars; v++) {
            byte[] next = literals[v + 1];
            int end;
            if (next.length == 0) { // the last variable takes the rest of the line
                end = to;
                if (numeric[v] && !isNumber(b, pos, end)) return false;
                starts[v] = pos;
                ends[v] = end;
                pos = end;
                continue;
            }
            if (isList[v] && next[0] == ' ') {
                end = endOfList(b, pos, to);
                if (!startsWith(b, end, to, next)) return false;
            } else if (numeric[v] && !numberByte(next[0]) && next[0] != '-') {
                end = endOfNumber(b, pos, to, next);
                if (end < 0) return false;
            } else {
                end = indexOf(b, pos, to, next);
                if (end < 0) return false;
                if (numeric[v] && !isNumber(b, pos, end)) return false;
            }
            starts[v] = pos;
            ends[v] = end;
            pos = end + next.length;
        }
        return pos == to;
    }

    /**
     * The end of a numeric value followed by {@code next}, as "first occurrence of {@code next},
     * then {@link #isNumber}" decides it, in one pass over the digits; -1 where that fails. Exact
     * when {@code next} starts with none of {@code 0-9 . -}: then {@code next} cannot occur inside
     * the run of digits, so its first occurrence is right after the run (a number) or later (the
     * value holds a non-digit: a number only if it is the lone {@code -}).
     */
    private static int endOfNumber(byte[] b, int pos, int to, byte[] next) {
        int i = pos;
        while (i < to && numberByte(b[i])) i++;
        if (i > pos) return startsWith(b, i, to, next) ? i : -1;
        return pos < to && b[pos] == '-' && startsWith(b, pos + 1, to, next) ? pos + 1 : -1;
    }

    private static boolean numberByte(byte c) {
        return (c >= '0' && c <= '9') || c == '.';
    }

    private static boolean startsWith(byte[] b, int pos, int to, byte[] lit) {
        if (to - pos < lit.length) return false;
        for (int i = 0; i < lit.length; i++) if (b[pos + i] != lit[i]) return false;
        return true;
    }

    /** First occurrence of {@code lit} in {@code b[from, to)}, or -1 (String.indexOf on bytes). */
    private static int indexOf(byte[] b, int from, int to, byte[] lit) {
        byte first = lit[0];
        int last = to - lit.length;
        int i = from;
        while (i <= last) {
            i = ByteSearch.indexOf(b, i, last + 1, first);
            if (i < 0) return -1;
            if (startsWith(b, i, to, lit)) return i;
            i++;
        }
        return -1;
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

    private static boolean isDash(byte[] b, int from, int to) {
        return to - from == 1 && b[from] == '-';
    }

    /** EntryBuilder's status rule: {@code -} is 0, else up to three digits; -1 otherwise. */
    private static int status(byte[] b, int from, int to) {
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
    private static long digits(byte[] b, int from, int to) {
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
