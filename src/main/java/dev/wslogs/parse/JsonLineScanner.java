package dev.wslogs.parse;

import static dev.wslogs.parse.AccessLineScanner.digits;
import static dev.wslogs.parse.AccessLineScanner.isDash;

import dev.wslogs.model.Field;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * {@link AccessLineScanner}'s counterpart for {@code escape=json} access logs: reads the values
 * that decide whether a line is ordinary traffic — time, status, the request line,
 * {@code $http_upgrade}, {@code $connection}, and the claim keys {@code $request_time} and
 * {@code $pid} — straight from the line's bytes, without decoding the line or cutting a String per
 * key and value as {@link JsonAccessFormat}'s parser does.
 *
 * <p>Invariant: when {@link #scan} returns true, the values are those of the entry the full parser
 * ({@link JsonAccessFormat#newParser()}) builds from the same line. It holds because the scanner
 * reads only lines that are pure ASCII and hold no backslash at all — where every JSON string is its
 * bytes between two quotes, so a key or value is the text {@link FlatJson} would give — walks the
 * object by {@link FlatJson}'s own rules (blanks are space and tab, a bare value ends at one of
 * {@code , } space tab} and {@code null} is empty, the last of two equal keys wins), maps keys as
 * the format does, and answers false — "use the full parser" — for anything else: a nested value,
 * a key the format would map by name but this scanner does not know, {@code $msec}, a deciding
 * value the entry builder would reject or that is missing.
 *
 * <p>Not thread-safe: one scanner per thread (it caches the last timestamp).
 */
public final class JsonLineScanner {
    /** The format's keys by length, then in order: their bytes and the field's ordinal. */
    private final byte[][][] keysByLength;
    private final int[][] fieldsByLength;
    /** Keys of a by-name format that map to no field (the full parser ignores them); by length. */
    private final byte[][][] ignoredByLength;
    /** Unknown keys: ignored (a template's format) or a reason to leave the line to the full parser (by name). */
    private final boolean unknownKeysDecline;
    private final boolean logsUpgrade;
    private final boolean logsConnection;
    private final boolean logsRemote;
    private final boolean logsRequestTime;
    private final boolean logsPid;
    private final TimeParser times = new TimeParser();
    /** Per field ordinal, the value's span in the last line scanned ({@code from} −1: not in the line). */
    private final int[] from = new int[Field.COUNT];
    private final int[] to = new int[Field.COUNT];

    /** Log time (epoch ms) of the last line scanned. */
    public long timeMillis;
    /** {@code $status} (0 when nginx wrote {@code -}). */
    public int status;
    /** The request line's bytes: {@code [requestFrom, requestTo)}, no escapes in it. */
    public int requestFrom;
    public int requestTo;
    /** {@code $connection}, or -1 when the format does not log it. */
    public long connection;
    /** After a true {@link #claimKeys}: what the entry would give for {@code AccessEntry.startMillis}. */
    public long claimStartMillis;
    /** After a true {@link #claimKeys}: {@code AccessEntry.pidNumber}, or -1 when {@code $pid} is not logged. */
    public long claimPid;

    private JsonLineScanner(Map<String, Field> keys, Set<String> ignoredKeys, boolean byName, Set<Field> fields) {
        int maxLen = 0;
        for (String k : keys.keySet()) maxLen = Math.max(maxLen, k.length());
        for (String k : ignoredKeys) maxLen = Math.max(maxLen, k.length());
        keysByLength = new byte[maxLen + 1][][];
        fieldsByLength = new int[maxLen + 1][];
        ignoredByLength = new byte[maxLen + 1][][];
        for (int n = 0; n <= maxLen; n++) {
            final int len = n;
            String[] ks = keys.keySet().stream().filter(k -> k.length() == len).sorted().toArray(String[]::new);
            keysByLength[n] = new byte[ks.length][];
            fieldsByLength[n] = new int[ks.length];
            for (int i = 0; i < ks.length; i++) {
                keysByLength[n][i] = ks[i].getBytes(StandardCharsets.ISO_8859_1);
                fieldsByLength[n][i] = keys.get(ks[i]).ordinal();
            }
            ignoredByLength[n] = ignoredKeys.stream().filter(k -> k.length() == len).sorted().map(k -> k.getBytes(StandardCharsets.ISO_8859_1))
                    .toArray(byte[][]::new);
        }
        this.unknownKeysDecline = byName;
        this.logsUpgrade = fields.contains(Field.HTTP_UPGRADE);
        this.logsConnection = fields.contains(Field.CONNECTION);
        this.logsRemote = fields.contains(Field.REMOTE_ADDR);
        this.logsRequestTime = fields.contains(Field.REQUEST_TIME);
        this.logsPid = fields.contains(Field.PID);
        this.builder = new EntryBuilder(EntryBuilder.loggedMask(fields));
    }

    /**
     * A scanner for a JSON format, or null if the format is outside what it handles: it needs
     * {@code $status} and {@code $request} and a time from {@code $time_local} or
     * {@code $time_iso8601}, no {@code $msec} (the entry builder would prefer it), no
     * {@code $request_uri} (the target would come from it), and keys of ASCII only.
     */
    static JsonLineScanner of(Map<String, Field> keys, Set<String> ignoredKeys, boolean byName, Set<Field> fields) {
        if (!fields.contains(Field.STATUS) || !fields.contains(Field.REQUEST)) return null;
        if (!fields.contains(Field.TIME_LOCAL) && !fields.contains(Field.TIME_ISO8601)) return null;
        if (fields.contains(Field.MSEC) || fields.contains(Field.REQUEST_URI)) return null;
        for (String k : keys.keySet()) if (!plainKey(k)) return null;
        for (String k : ignoredKeys) if (!plainKey(k)) return null;
        return new JsonLineScanner(keys, ignoredKeys, byName, fields);
    }

    /** A key the walk can meet as bytes: ASCII, no quote or backslash (it would be escaped in the line). */
    private static boolean plainKey(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80 || s.charAt(i) == '\\' || s.charAt(i) == '"') return false;
        return true;
    }

    public boolean logsConnection() {
        return logsConnection;
    }

    /**
     * Scans {@code b[from, to)}, one line known to be pure ASCII (no terminator). True when it is a
     * flat object without escapes whose deciding values are plain: then the public fields hold them,
     * and {@code $http_upgrade} (if logged) is empty.
     */
    public boolean scan(byte[] b, int lineFrom, int lineTo) {
        return walkAscii(b, lineFrom, lineTo) && decideValues(b);
    }

    private final EntryBuilder builder;

    /**
     * After a true {@link #walkAscii}: the entry the full parser builds from the same line — each
     * value its bytes (no escapes: FlatJson's text), an iso8601 key holding local time moved as the
     * parser moves it — or null when the entry builder rejects the values (the full parser would
     * too, and says why).
     */
    public dev.wslogs.model.AccessEntry entry(byte[] b, dev.wslogs.model.LinePosition position) {
        String[] values = new String[Field.COUNT];
        for (int f = 0; f < values.length; f++) {
            if (from[f] >= 0) values[f] = new String(b, from[f], to[f] - from[f], StandardCharsets.ISO_8859_1);
        }
        return builder.build(position, values);
    }

    /**
     * The first half of {@link #scan}: true when the line is a flat object without escapes whose
     * keys this scanner maps all — then {@link #entry} builds the full parser's entry from it, and
     * {@link #decideValues} reads the deciding values. An iso8601 key holding local time is moved to
     * {@code $time_local} here, as JsonAccessFormat's parser moves its value.
     */
    public boolean walkAscii(byte[] b, int lineFrom, int lineTo) {
        if (!walkObject(b, lineFrom, lineTo)) return false;
        if (from[TI] >= 0 && ByteSearch.indexOf(b, from[TI], to[TI], (byte) '/') > from[TI]) {
            from[TL] = from[TI];
            to[TL] = to[TI];
            from[TI] = -1;
        }
        return true;
    }

    /** The object's keys and values by FlatJson's rules; false for what this scanner leaves to the full parser. */
    private boolean walkObject(byte[] b, int i, int n) {
        if (ByteSearch.indexOf(b, i, n, (byte) '\\') >= 0) return false;
        java.util.Arrays.fill(from, -1);
        i = skipWs(b, i, n);
        if (i >= n || b[i] != '{') return false;
        i = skipWs(b, i + 1, n);
        if (i < n && b[i] == '}') return false; // an empty object: no status, no request — the full parser's
        int keyNo = 0;
        while (i < n) {
            if (b[i] != '"') return false;
            int kFrom = i + 1;
            int kTo = ByteSearch.indexOf(b, kFrom, n, (byte) '"');
            if (kTo < 0) return false;
            int field = fieldAt(keyNo++, b, kFrom, kTo);
            if (field == DECLINE) return false;
            i = skipWs(b, kTo + 1, n);
            if (i >= n || b[i] != ':') return false;
            i = skipWs(b, i + 1, n);
            if (i >= n) return false;
            int vFrom;
            int vTo;
            byte c = b[i];
            if (c == '"') {
                vFrom = i + 1;
                vTo = ByteSearch.indexOf(b, vFrom, n, (byte) '"');
                if (vTo < 0) return false;
                i = vTo + 1;
            } else if (c == '{' || c == '[') {
                return false; // a nested value: passed on as its raw text by the full parser
            } else {
                int j = i;
                while (j < n && b[j] != ',' && b[j] != '}' && b[j] != ' ' && b[j] != '\t') j++;
                if (j == i) return false;
                vFrom = i;
                vTo = j;
                if (j - i == 4 && b[i] == 'n' && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l') vTo = vFrom; // null is ""
                i = j;
            }
            if (field >= 0) {
                from[field] = vFrom;
                to[field] = vTo;
            }
            i = skipWs(b, i, n);
            if (i >= n) return false;
            if (b[i] == ',') {
                i = skipWs(b, i + 1, n);
            } else if (b[i] == '}') {
                return skipWs(b, i + 1, n) == n;
            } else {
                return false;
            }
        }
        return false;
    }

    private static final int IGNORED = -1;
    private static final int DECLINE = -2;

    /** Lines of one log write their keys in one order: the key at each place in the last line, and what it mapped to. */
    private final byte[][] keyAt = new byte[64][];
    private final int[] fieldAt = new int[64];

    /** {@link #field}, first tried against the key the last line had at this place (one compare instead of a search). */
    private int fieldAt(int keyNo, byte[] b, int kFrom, int kTo) {
        if (keyNo >= keyAt.length) return field(b, kFrom, kTo);
        byte[] k = keyAt[keyNo];
        int len = kTo - kFrom;
        if (k != null && k.length == len) {
            int j = 0;
            while (j < len && b[kFrom + j] == k[j]) j++;
            if (j == len) return fieldAt[keyNo];
        }
        int f = field(b, kFrom, kTo);
        if (f != DECLINE) {
            keyAt[keyNo] = java.util.Arrays.copyOfRange(b, kFrom, kTo);
            fieldAt[keyNo] = f;
        }
        return f;
    }

    /** The field a key maps to, {@link #IGNORED}, or {@link #DECLINE}. */
    private int field(byte[] b, int kFrom, int kTo) {
        int len = kTo - kFrom;
        if (len < keysByLength.length) {
            byte[][] ks = keysByLength[len];
            for (int k = 0; k < ks.length; k++) if (java.util.Arrays.equals(b, kFrom, kTo, ks[k], 0, len)) return fieldsByLength[len][k];
            if (!unknownKeysDecline) return IGNORED;
            for (byte[] ig : ignoredByLength[len]) if (java.util.Arrays.equals(b, kFrom, kTo, ig, 0, len)) return IGNORED;
            return DECLINE;
        }
        return unknownKeysDecline ? DECLINE : IGNORED;
    }

    private static int skipWs(byte[] b, int i, int n) {
        while (i < n && (b[i] == ' ' || b[i] == '\t')) i++;
        return i;
    }

    private static final int TL = Field.TIME_LOCAL.ordinal();
    private static final int TI = Field.TIME_ISO8601.ordinal();
    private static final int ST = Field.STATUS.ordinal();
    private static final int RQ = Field.REQUEST.ordinal();
    private static final int UP = Field.HTTP_UPGRADE.ordinal();
    private static final int CN = Field.CONNECTION.ordinal();
    private static final int RA = Field.REMOTE_ADDR.ordinal();
    private static final int RT = Field.REQUEST_TIME.ordinal();
    private static final int PD = Field.PID.ordinal();

    /** The second half of {@link #scan}, after a true {@link #walkAscii}: the deciding values, by EntryBuilder's rules. */
    public boolean decideValues(byte[] b) {
        int tlFrom = from[TL];
        int tlTo = to[TL];
        int tiFrom = from[TI];
        int tiTo = to[TI];
        if (tlFrom >= 0 && tlTo > tlFrom && !isDash(b, tlFrom, tlTo)) {
            timeMillis = times.timeLocal(b, tlFrom, tlTo);
        } else if (tiFrom >= 0 && tiTo > tiFrom && !isDash(b, tiFrom, tiTo)) {
            timeMillis = times.iso8601(new String(b, tiFrom, tiTo - tiFrom, StandardCharsets.ISO_8859_1));
        } else {
            return false;
        }
        if (timeMillis == TimeParser.INVALID) return false;
        if (from[ST] < 0) return false;
        status = status(b, from[ST], to[ST]);
        if (status < 0) return false;
        requestFrom = from[RQ];
        requestTo = to[RQ];
        if (requestFrom < 0 || requestTo == requestFrom || isDash(b, requestFrom, requestTo)) return false;
        if (logsUpgrade && from[UP] >= 0 && to[UP] > from[UP] && !isDash(b, from[UP], to[UP])) return false;
        connection = -1;
        if (logsConnection) {
            if (from[CN] < 0) return false;
            connection = digits(b, from[CN], to[CN]);
            if (connection < 0) return false;
        }
        return true;
    }

    /**
     * {@code $remote_addr} of the last line scanned as the entry would hold it ({@code ""} for
     * {@code -}, for a missing key, or when not logged). Allocates: only for formats without
     * {@code $connection}, whose error lines join on the client.
     */
    public String remoteAddr(byte[] b) {
        if (!logsRemote || from[RA] < 0 || isDash(b, from[RA], to[RA])) return "";
        return new String(b, from[RA], to[RA] - from[RA], StandardCharsets.ISO_8859_1);
    }

    /**
     * After a true {@link #scan}: the rest of what an ordinary line's claim on error lines reads, as
     * {@code TextAccessFormat.ScannedParser.claimKeys} reads it from an entry: the request's start
     * ({@link #timeMillis} minus {@code $request_time}) and {@code $pid}. False when a value is not
     * plain digits (with one {@code .} for the request time): then the entry decides.
     */
    public boolean claimKeys(byte[] b) {
        long rt = -1;
        if (logsRequestTime && from[RT] >= 0 && to[RT] > from[RT] && !isDash(b, from[RT], to[RT])) {
            rt = TimeParser.secondsToMillis(b, from[RT], to[RT]);
            if (rt < 0) return false;
        }
        claimStartMillis = rt < 0 ? timeMillis : timeMillis - rt;
        claimPid = -1;
        if (logsPid) {
            if (from[PD] < 0) return false; // "" is no number: AccessEntry.numberOf
            claimPid = isDash(b, from[PD], to[PD]) ? Long.MIN_VALUE : digits(b, from[PD], to[PD]);
            if (claimPid == -1) return false;
        }
        return true;
    }

    /** EntryBuilder's status rule: empty is 0 here (a JSON value may be {@code ""} or {@code null}), else as in a text line. */
    private static int status(byte[] b, int from, int to) {
        return to == from ? 0 : AccessLineScanner.status(b, from, to);
    }
}
