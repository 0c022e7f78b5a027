package dev.wslogs.model;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One error.log message (possibly spanning several physical lines), split into nginx's layout
 * (nginx-messages.md §1):
 * {@code TIME [level] PID#TID: *CID message[ (errno: text)][ while action][, client: …]…}.
 *
 * <p>The time is the server's local time with no offset, as nginx writes it; the pipeline resolves
 * it to an instant with the zone it learns from the access log or is given.
 *
 * <p>A value class (equal when every value is; {@link #toString()} as a record's). The parser's
 * entries ({@link #ofParts}) keep the text and where each part lies in it, and cut a part out only
 * when it is read: most lines of a busy error.log are joined on their connection and time alone.
 */
public final class ErrorEntry {
    public static final long NO_CONNECTION = -1;
    public static final int NO_ERRNO = -1;

    /** The parts, in this order, as {@code [begin, end)} pairs in {@link #raw()} ({@link #ofParts}); begin −1: empty. */
    public static final int MESSAGE = 0, ERRNO_TEXT = 1, ACTION = 2, CLIENT = 3, SERVER = 4, REQUEST = 5, SUBREQUEST = 6, UPSTREAM = 7,
            HOST = 8, REFERRER = 9, PARTS = 10;

    private final LinePosition position;
    private final int physicalLines;
    private final LocalDateTime time;
    private final ErrorLevel level;
    private final long pid;
    private final long tid;
    private final long connection;
    private final int errno;
    private final String raw;
    /** raw.length(), taken where the entry is made: the bounds on held lines read it on another thread, where the text is cold. */
    private final int rawLength;
    /** Null when every part was given as a string. */
    private final int[] parts;
    /** The parts as strings, by {@link #MESSAGE} to {@link #REFERRER}; cut out of raw on first read (a racy but idempotent cache of immutable strings). */
    private final String[] text = new String[PARTS];

    public ErrorEntry(LinePosition position, int physicalLines, LocalDateTime time, ErrorLevel level, long pid, long tid, long connection,
            String message, int errno, String errnoText, String action, String client, String server, String request, String subrequest,
            String upstream, String host, String referrer, String raw) {
        this(position, physicalLines, time, level, pid, tid, connection, errno, raw, null);
        String[] given = {message, errnoText, action, client, server, request, subrequest, upstream, host, referrer};
        String[] names = {"message", "errnoText", "action", "client", "server", "request", "subrequest", "upstream", "host", "referrer"};
        for (int k = 0; k < PARTS; k++) text[k] = Objects.requireNonNull(given[k], names[k]);
    }

    private ErrorEntry(LinePosition position, int physicalLines, LocalDateTime time, ErrorLevel level, long pid, long tid, long connection,
            int errno, String raw, int[] parts) {
        this.position = Objects.requireNonNull(position, "position");
        this.time = Objects.requireNonNull(time, "time");
        this.level = Objects.requireNonNull(level, "level");
        this.raw = Objects.requireNonNull(raw, "raw");
        this.rawLength = raw.length();
        if (physicalLines < 1) throw new IllegalArgumentException("physicalLines < 1");
        this.physicalLines = physicalLines;
        this.pid = pid;
        this.tid = tid;
        this.connection = connection;
        this.errno = errno;
        this.parts = parts;
    }

    /**
     * An entry whose text parts lie in {@code raw}: {@code parts} holds {@link #PARTS} pairs
     * {@code [begin, end)}, in the order of {@link #MESSAGE} to {@link #REFERRER}, begin −1 for an
     * empty part. The array is the entry's from then on.
     */
    public static ErrorEntry ofParts(LinePosition position, int physicalLines, LocalDateTime time, ErrorLevel level, long pid, long tid,
            long connection, int errno, String raw, int[] parts) {
        if (parts.length != 2 * PARTS) throw new IllegalArgumentException("parts: " + parts.length + " ints, not " + 2 * PARTS);
        for (int k = 0; k < PARTS; k++) {
            int b = parts[2 * k];
            int e = parts[2 * k + 1];
            if (b >= 0 && (e < b || e > raw.length())) throw new IllegalArgumentException("part " + k + " [" + b + ", " + e + ") outside the text");
        }
        return new ErrorEntry(position, physicalLines, time, level, pid, tid, connection, errno, raw, parts);
    }

    private String part(int k) {
        String v = text[k];
        if (v == null) {
            int b = parts[2 * k];
            text[k] = v = b < 0 ? "" : raw.substring(b, parts[2 * k + 1]);
        }
        return v;
    }

    /** First physical line of the message. */
    public LinePosition position() {
        return position;
    }

    /** How many physical lines the message spans (≥ 1). */
    public int physicalLines() {
        return physicalLines;
    }

    public LocalDateTime time() {
        return time;
    }

    public ErrorLevel level() {
        return level;
    }

    public long pid() {
        return pid;
    }

    public long tid() {
        return tid;
    }

    /** {@code *CID}, or {@link #NO_CONNECTION}. */
    public long connection() {
        return connection;
    }

    /** OS error number, or {@link #NO_ERRNO}. */
    public int errno() {
        return errno;
    }

    /** About how many bytes of heap this entry keeps alive: its text, twice at most once its parts are cut out. */
    public long retainedBytes() {
        return 200 + 2L * rawLength;
    }

    /** The whole message as read (continuation lines joined with {@code \n}). */
    public String raw() {
        return raw;
    }

    /** The message text without errno, action and trailer. */
    public String message() {
        return part(MESSAGE);
    }

    /** strerror text, or {@code ""}. */
    public String errnoText() {
        return part(ERRNO_TEXT);
    }

    /** Text after {@code " while "}, or {@code ""}. */
    public String action() {
        return part(ACTION);
    }

    public String client() {
        return part(CLIENT);
    }

    public String server() {
        return part(SERVER);
    }

    public String request() {
        return part(REQUEST);
    }

    public String subrequest() {
        return part(SUBREQUEST);
    }

    public String upstream() {
        return part(UPSTREAM);
    }

    public String host() {
        return part(HOST);
    }

    public String referrer() {
        return part(REFERRER);
    }

    /**
     * {@code action().toLowerCase(Locale.ROOT).contains(lowerCase)} without cutting the action out
     * or lowering a copy of it, when both are ASCII (rules give lower-case action names).
     */
    public boolean actionContainsIgnoreCase(String lowerCase) {
        String in = raw;
        int from;
        int to;
        if (parts == null || text[ACTION] != null) {
            in = action();
            from = 0;
            to = in.length();
        } else if (parts[2 * ACTION] < 0) {
            return lowerCase.isEmpty();
        } else {
            from = parts[2 * ACTION];
            to = parts[2 * ACTION + 1];
        }
        if (!isAscii(in, from, to) || !isAscii(lowerCase, 0, lowerCase.length())) {
            return action().toLowerCase(java.util.Locale.ROOT).contains(lowerCase);
        }
        int n = lowerCase.length();
        if (n == 0) return true;
        // ASCII: as lowering A-Z. A position is compared in full only where its first char matches
        // (rules test every joined line's action; most positions fail on that char)
        char first = lowerCase.charAt(0);
        for (int i = from; i + n <= to; i++) {
            char c = in.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) == first && in.regionMatches(true, i + 1, lowerCase, 1, n - 1)) return true;
        }
        return false;
    }

    private static boolean isAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    public boolean hasConnection() {
        return connection != NO_CONNECTION;
    }

    private Object[] values() {
        return new Object[] {position, physicalLines, time, level, pid, tid, connection, message(), errno, errnoText(), action(), client(),
            server(), request(), subrequest(), upstream(), host(), referrer(), raw};
    }

    private static final String[] NAMES = {"position", "physicalLines", "time", "level", "pid", "tid", "connection", "message", "errno",
        "errnoText", "action", "client", "server", "request", "subrequest", "upstream", "host", "referrer", "raw"};

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof ErrorEntry e && java.util.Arrays.equals(values(), e.values()));
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(values());
    }

    @Override
    public String toString() {
        Object[] v = values();
        StringBuilder sb = new StringBuilder("ErrorEntry[");
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ", ").append(NAMES[i]).append('=').append(v[i]);
        return sb.append(']').toString();
    }
}
