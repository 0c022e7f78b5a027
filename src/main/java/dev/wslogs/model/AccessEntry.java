package dev.wslogs.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One access-log line, parsed. Values are stored by {@link Field} ordinal: {@code null} means the
 * log format does not carry that variable, {@code ""} means nginx wrote {@code -} (no value).
 * String values are unescaped (nginx's {@code \xHH} turned back into characters only where they
 * are printable ASCII; other bytes stay as {@code \xHH} text).
 *
 * <p>{@code timeMillis} is the log-write time (epoch ms; for a WebSocket, the disconnect time),
 * {@code offsetSeconds} the UTC offset the log was written with, {@code requestTimeMillis}
 * {@code $request_time} in ms or {@link #NO_DURATION} when not logged.
 */
public final class AccessEntry {
    public static final long NO_DURATION = -1;

    private final LinePosition position;
    private final String[] values;
    private final long timeMillis;
    private final int offsetSeconds;
    private final int status;
    private final long requestTimeMillis;
    /** Derived values, computed once: an entry is read by every stage (not part of equality). */
    private String target;
    private String path;
    private long connection;
    private long pid;
    private byte numbersParsed; // bit 0: connection, bit 1: pid
    /**
     * For an entry whose values are decoded when first asked for: the line's bytes (ASCII), each
     * format variable's span in them ({@code spans[2v]}, {@code spans[2v + 1]}), and where each
     * field is. A value decoded is kept in {@link #values}; null for an entry built with all its values.
     */
    private final byte[] line;
    private final int[] spans;
    private final LineLayout layout;

    public AccessEntry(LinePosition position, String[] values, long timeMillis, int offsetSeconds, int status, long requestTimeMillis) {
        this(position, values, timeMillis, offsetSeconds, status, requestTimeMillis, null, null, null);
    }

    /**
     * An entry whose values not already in {@code values} are decoded from {@code line} when asked
     * for — exactly as the parser would have stored them: {@code -} is {@code ""}, escapes are
     * undone by the layout's rule. {@code line} must be ASCII (then bytes and characters coincide).
     */
    public AccessEntry(LinePosition position, String[] values, long timeMillis, int offsetSeconds, int status, long requestTimeMillis,
            byte[] line, int[] spans, LineLayout layout) {
        this.position = Objects.requireNonNull(position, "position");
        this.values = Objects.requireNonNull(values, "values");
        if (values.length != Field.COUNT) throw new IllegalArgumentException("values.length != Field.COUNT");
        this.timeMillis = timeMillis;
        this.offsetSeconds = offsetSeconds;
        this.status = status;
        this.requestTimeMillis = requestTimeMillis;
        this.line = line;
        this.spans = spans;
        this.layout = layout;
    }

    /** The same entry at another position (a parallel parser learns line numbers only in order). */
    public AccessEntry withPosition(LinePosition p) {
        AccessEntry e = new AccessEntry(p, values, timeMillis, offsetSeconds, status, requestTimeMillis, line, spans, layout);
        e.target = target;
        e.path = path;
        e.connection = connection;
        e.pid = pid;
        e.numbersParsed = numbersParsed;
        return e;
    }

    public LinePosition position() {
        return position;
    }

    /**
     * About how many bytes of heap this entry keeps alive: the line's copy and spans, or its values,
     * with what decoding them may add. For the bounds on what waits for a decision (long lines — nginx
     * logs headers of up to 8 kB — make a count alone no bound on memory).
     */
    public long retainedBytes() {
        long n = 160;
        if (line != null) return n + 2L * line.length + 4L * spans.length;
        for (String v : values) if (v != null) n += 24 + v.length();
        return n;
    }

    /** The values by {@link Field} ordinal, all of them decoded (shared, not copied: do not modify). */
    public String[] values() {
        if (line != null) {
            for (int f = 0; f < values.length; f++) if (values[f] == null) decode(f);
        }
        return values;
    }

    public long timeMillis() {
        return timeMillis;
    }

    public int offsetSeconds() {
        return offsetSeconds;
    }

    public int status() {
        return status;
    }

    public long requestTimeMillis() {
        return requestTimeMillis;
    }

    /** The value, or {@code ""} when absent from the line or the format. */
    public String get(Field f) {
        String v = values[f.ordinal()];
        if (v == null && line != null) v = decode(f.ordinal());
        return v == null ? "" : v;
    }

    /** Whether the format carries this variable at all (even if this line has {@code -}). */
    public boolean logs(Field f) {
        return line != null ? layout.logs(f.ordinal()) : values[f.ordinal()] != null;
    }

    /** Decodes and keeps field {@code f} of a lazily decoded entry; null when the format does not log it. */
    private String decode(int f) {
        int v = layout.variableOfField()[f];
        if (v < 0) return null;
        int from = spans[2 * v];
        int to = spans[2 * v + 1];
        String s = layout.value(line, from, to);
        values[f] = s;
        return s;
    }

    public boolean hasDuration() {
        return requestTimeMillis != NO_DURATION;
    }

    /** When the request began: log time minus {@code $request_time} (log time if not logged). */
    public long startMillis() {
        return hasDuration() ? timeMillis - requestTimeMillis : timeMillis;
    }

    public OffsetDateTime time() {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(timeMillis), ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    public OffsetDateTime startTime() {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(startMillis()), ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /** Request method from {@code $request} or {@code $request_method}. */
    public String method() {
        String m = get(Field.REQUEST_METHOD);
        if (!m.isEmpty()) return m;
        String r = get(Field.REQUEST);
        int sp = r.indexOf(' ');
        return sp > 0 ? r.substring(0, sp) : "";
    }

    /** Request target (path and query) from {@code $request_uri}, {@code $request} or {@code $uri?$args}. */
    public String target() {
        String t = target;
        if (t == null) target = t = computeTarget();
        return t;
    }

    private String computeTarget() {
        String u = get(Field.REQUEST_URI);
        if (!u.isEmpty()) return u;
        String r = get(Field.REQUEST);
        int sp = r.indexOf(' ');
        if (sp > 0) {
            int end = r.lastIndexOf(' ');
            return end > sp ? r.substring(sp + 1, end) : r.substring(sp + 1);
        }
        String uri = get(Field.URI);
        String args = get(Field.ARGS);
        return args.isEmpty() ? uri : uri + "?" + args;
    }

    /**
     * Computes the derived values now (a parse worker does, so the sequencer finds them ready).
     * Returns this entry.
     */
    public AccessEntry withDerivedValues() {
        path();
        connectionNumber();
        pidNumber();
        return this;
    }

    /** {@code $connection} as a number; {@link Long#MIN_VALUE} when not logged or not a number. */
    public long connectionNumber() {
        if ((numbersParsed & 1) == 0) {
            connection = numberOf(get(Field.CONNECTION));
            numbersParsed |= 1;
        }
        return connection;
    }

    /** {@code $pid} as a number; {@link Long#MIN_VALUE} when not logged or not a number. */
    public long pidNumber() {
        if ((numbersParsed & 2) == 0) {
            pid = numberOf(get(Field.PID));
            numbersParsed |= 2;
        }
        return pid;
    }

    /** A value as {@link #connectionNumber} and {@link #pidNumber} read it: {@link Long#MIN_VALUE} when not a number. */
    public static long numberOf(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    /** Path without the query string; empty when the request line is not HTTP (e.g. TLS bytes on a plain port). */
    public String path() {
        String p = path;
        if (p == null) path = p = computePath();
        return p;
    }

    private String computePath() {
        String t = target();
        if (!t.startsWith("/") && !t.contains("://")) return "";
        int q = t.indexOf('?');
        return q >= 0 ? t.substring(0, q) : t;
    }

    /** The request line, rebuilt from parts when the format does not log {@code $request}. */
    public String requestLine() {
        String r = get(Field.REQUEST);
        if (!r.isEmpty() || logs(Field.REQUEST)) return r;
        String proto = get(Field.SERVER_PROTOCOL);
        return (method() + " " + target() + (proto.isEmpty() ? "" : " " + proto)).trim();
    }

    /** Host the client asked for: {@code $host}, {@code $http_host} or {@code $server_name}. */
    public String server() {
        for (Field f : new Field[] {Field.HOST, Field.HTTP_HOST, Field.SERVER_NAME}) {
            String v = get(f);
            if (!v.isEmpty()) return v;
        }
        return "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessEntry e && e.position.equals(position);
    }

    @Override
    public int hashCode() {
        return position.hashCode();
    }

    @Override
    public String toString() {
        return "AccessEntry[" + position + " " + status + " " + requestLine() + "]";
    }
}
