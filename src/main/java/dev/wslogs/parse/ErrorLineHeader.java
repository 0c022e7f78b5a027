package dev.wslogs.parse;

import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.ErrorLevel;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;

/**
 * The fixed part nginx writes in front of every error.log message
 * ({@code core/ngx_log.c:ngx_log_error_core}): {@code YYYY/MM/DD HH:MM:SS [level] PID#TID: *CID },
 * possibly after a syslog/journald/container prefix.
 *
 * <p>Mutable scratch owned by one parser: {@link #scan} overwrites every field, so the parser keeps
 * two instances and swaps them instead of allocating one per line.
 */
final class ErrorLineHeader {

    enum Outcome {
        /** No timestamp shape anywhere it could be: the line may continue the previous message. */
        NONE,
        VALID,
        /** Starts like a header but something after the timestamp shape is wrong; see {@link #problem}. */
        INVALID
    }

    /** {@code "YYYY/MM/DD HH:MM:SS ["}: enough to decide that a line starts a new message. */
    private static final int SHAPE_LENGTH = 21;
    private static final int TIMESTAMP_LENGTH = 19;
    /** Longest prefix searched for (syslog, journald, docker compose, kubectl): far beyond real ones. */
    private static final int MAX_PREFIX = 512;
    /** Longest PID, TID or *CID accepted, in digits; keeps the value inside a long. */
    private static final int MAX_NUMBER_DIGITS = 18;
    private static final ErrorLevel[] LEVELS = ErrorLevel.values();
    private static final String[] LABELS = new String[LEVELS.length];

    static {
        for (int i = 0; i < LEVELS.length; i++) LABELS[i] = LEVELS[i].label();
    }

    int start;
    int messageStart;
    LocalDateTime time;
    ErrorLevel level;
    long pid;
    long tid;
    long connection;
    String problem;
    /** Last value read by {@link #numberEnd}. */
    private long number;
    /** The line {@link #time} was read from, at {@link #start}; null until a time was read. */
    private String timeText;

    /** Index of the timestamp in {@code text}, at 0 or after a prefix ending with a space; else -1. */
    static int find(String text) {
        if (hasShape(text, 0)) return 0;
        int limit = Math.min(text.length(), MAX_PREFIX);
        for (int slash = text.indexOf('/', 5); slash >= 0 && slash < limit; slash = text.indexOf('/', slash + 1)) {
            int at = slash - 4;
            if (text.charAt(at - 1) == ' ' && hasShape(text, at) && text.lastIndexOf('"', at) < 0) return at;
        }
        return -1;
    }

    /**
     * Decodes the header of {@code text}. {@code previous} is the header scanned before (may be
     * {@code this} or another instance); its time is reused when the second is the same.
     */
    Outcome scan(String text, ErrorLineHeader previous) {
        int at = find(text);
        if (at < 0) return Outcome.NONE;
        boolean validTime = decodeTime(text, at, previous);
        start = at;
        if (!validTime) return invalid("invalid timestamp");
        int p = decodeLevel(text, at + SHAPE_LENGTH);
        if (p < 0) return invalid("unknown level in brackets");
        int hash = numberEnd(text, p);
        if (hash < 0 || hash >= text.length() || text.charAt(hash) != '#') return invalid("expected PID#TID after the level");
        pid = number;
        int colon = numberEnd(text, hash + 1);
        if (colon < 0 || colon >= text.length() || text.charAt(colon) != ':') return invalid("expected PID#TID after the level");
        tid = number;
        p = colon + 1;
        if (p < text.length()) {
            if (text.charAt(p) != ' ') return invalid("expected ': ' after PID#TID");
            p++;
        }
        messageStart = decodeConnection(text, p);
        problem = null;
        return Outcome.VALID;
    }

    private Outcome invalid(String why) {
        problem = why;
        return Outcome.INVALID;
    }

    private static boolean hasShape(String s, int at) {
        return s.length() >= at + SHAPE_LENGTH
                && digits(s, at, 4) && s.charAt(at + 4) == '/'
                && digits(s, at + 5, 2) && s.charAt(at + 7) == '/'
                && digits(s, at + 8, 2) && s.charAt(at + 10) == ' '
                && digits(s, at + 11, 2) && s.charAt(at + 13) == ':'
                && digits(s, at + 14, 2) && s.charAt(at + 16) == ':'
                && digits(s, at + 17, 2) && s.charAt(at + 19) == ' '
                && s.charAt(at + 20) == '[';
    }

    private static boolean digits(String s, int at, int n) {
        for (int i = at; i < at + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static int number(String s, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) v = v * 10 + (s.charAt(i) - '0');
        return v;
    }

    private boolean decodeTime(String s, int at, ErrorLineHeader previous) {
        // Lines come in bursts within one second: an equal timestamp reuses the previous instant.
        if (previous.time != null && previous.timeText.regionMatches(previous.start, s, at, TIMESTAMP_LENGTH)) {
            time = previous.time;
            timeText = s;
            return true;
        }
        int year = number(s, at, 4);
        int month = number(s, at + 5, 2);
        int day = number(s, at + 8, 2);
        int hour = number(s, at + 11, 2);
        int minute = number(s, at + 14, 2);
        int second = number(s, at + 17, 2);
        time = null;
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour > 23 || minute > 59 || second > 59) {
            return false;
        }
        time = LocalDateTime.of(year, month, day, hour, minute, second);
        timeText = s;
        return true;
    }

    /** Position after {@code "level] "}, or -1. */
    private int decodeLevel(String s, int at) {
        if (at >= s.length()) return -1;
        int i = switch (s.charAt(at)) {
            case 'e' -> at + 1 < s.length() && s.charAt(at + 1) == 'm' ? 0 : 3;
            case 'a' -> 1;
            case 'c' -> 2;
            case 'w' -> 4;
            case 'n' -> 5;
            case 'i' -> 6;
            case 'd' -> 7;
            default -> -1;
        };
        if (i < 0) return -1;
        String label = LABELS[i];
        int close = at + label.length();
        if (!s.startsWith(label, at) || !s.startsWith("] ", close)) return -1;
        level = LEVELS[i];
        return close + 2;
    }

    /**
     * Reads 1..18 digits at {@code at} into {@link #number}; returns the end, or -1. Hand-rolled:
     * {@code Long.parseLong} on a CharSequence range showed up in profiles.
     */
    private int numberEnd(String s, int at) {
        int limit = Math.min(s.length(), at + MAX_NUMBER_DIGITS + 1);
        long v = 0;
        int i = at;
        for (; i < limit; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') break;
            v = v * 10 + (c - '0');
        }
        int n = i - at;
        if (n < 1 || n > MAX_NUMBER_DIGITS) return -1;
        number = v;
        return i;
    }

    /** Reads an optional {@code *CID } and returns where the message starts. */
    private int decodeConnection(String s, int at) {
        connection = ErrorEntry.NO_CONNECTION;
        if (at >= s.length() || s.charAt(at) != '*') return at;
        int end = numberEnd(s, at + 1);
        if (end < 0) return at;
        if (end < s.length() && s.charAt(end) != ' ') return at;
        connection = number;
        return end < s.length() ? end + 1 : end;
    }
}
