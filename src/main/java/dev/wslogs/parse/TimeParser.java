package dev.wslogs.parse;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Hand-written parsers for nginx's time variables. Each returns epoch milliseconds, or
 * {@link #INVALID}. A one-entry cache per parser instance makes the common case (many lines in the
 * same second) a string compare. Not thread-safe: one instance per parsing thread.
 */
public final class TimeParser {
    public static final long INVALID = Long.MIN_VALUE;
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private String lastLocal;
    private long lastLocalMillis;
    private int lastOffset;
    private int offsetSeconds;

    /** The UTC offset of the last successfully parsed timestamp (seconds east of UTC). */
    public int offsetSeconds() {
        return offsetSeconds;
    }

    /** {@code $time_local}: {@code 28/Sep/1970:12:00:00 +0600}. */
    public long timeLocal(String s) {
        if (s.equals(lastLocal)) {
            offsetSeconds = lastOffset;
            return lastLocalMillis;
        }
        if (s.length() != 26 || s.charAt(2) != '/' || s.charAt(6) != '/' || s.charAt(11) != ':' || s.charAt(20) != ' ') {
            return INVALID;
        }
        int day = num(s, 0, 2);
        int mon = MONTHS.indexOf(s.substring(3, 6));
        int year = num(s, 7, 4);
        int h = num(s, 12, 2);
        int m = num(s, 15, 2);
        int sec = num(s, 18, 2);
        char sign = s.charAt(21);
        int oh = num(s, 22, 2);
        int om = num(s, 24, 2);
        if (day < 0 || mon < 0 || mon % 3 != 0 || year < 0 || h < 0 || m < 0 || sec < 0 || oh < 0 || om < 0
                || (sign != '+' && sign != '-')) {
            return INVALID;
        }
        int off = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
        long millis = epochMillis(year, mon / 3 + 1, day, h, m, sec, 0, off);
        if (millis == INVALID) return INVALID;
        lastLocal = s;
        lastLocalMillis = millis;
        lastOffset = off;
        offsetSeconds = off;
        return millis;
    }

    private final byte[] lastLocalBytes = new byte[26];
    private long lastBytesMillis = INVALID;
    private long lastMinuteMillis; // lastBytesMillis at second 0 of its minute

    /**
     * {@code $time_local} straight from a line's bytes (ASCII), for the common case of many lines in
     * the same second: a 26-byte compare; in the same minute, the seconds added to that minute's
     * start (what the String parser computes: seconds are linear, 60 counts as 59); otherwise the
     * String parser above, same result. Only that String parser updates {@link #offsetSeconds()}.
     */
    public long timeLocal(byte[] b, int from, int to) {
        if (to - from != 26) return INVALID;
        if (lastBytesMillis != INVALID) {
            if (java.util.Arrays.equals(b, from, to, lastLocalBytes, 0, 26)) return lastBytesMillis;
            int tens = b[from + 18] - '0';
            int units = b[from + 19] - '0';
            if (tens >= 0 && units >= 0 && units <= 9 && tens * 10 + units <= 60
                    && java.util.Arrays.equals(b, from, from + 18, lastLocalBytes, 0, 18)
                    && java.util.Arrays.equals(b, from + 20, to, lastLocalBytes, 20, 26)) {
                lastLocalBytes[18] = b[from + 18];
                lastLocalBytes[19] = b[from + 19];
                lastBytesMillis = lastMinuteMillis + Math.min(tens * 10 + units, 59) * 1000L;
                return lastBytesMillis;
            }
        }
        long t = timeLocal(new String(b, from, 26, java.nio.charset.StandardCharsets.ISO_8859_1));
        if (t != INVALID) {
            System.arraycopy(b, from, lastLocalBytes, 0, 26);
            lastBytesMillis = t;
            lastMinuteMillis = t - Math.min((b[from + 18] - '0') * 10 + (b[from + 19] - '0'), 59) * 1000L;
        }
        return t;
    }

    /** {@code $time_iso8601}: {@code 1970-09-28T12:00:00+06:00} (also {@code Z}). */
    public long iso8601(String s) {
        if (s.length() < 20 || s.charAt(4) != '-' || s.charAt(10) != 'T') return INVALID;
        int year = num(s, 0, 4);
        int mon = num(s, 5, 2);
        int day = num(s, 8, 2);
        int h = num(s, 11, 2);
        int m = num(s, 14, 2);
        int sec = num(s, 17, 2);
        int i = 19;
        int ms = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            int j = i + 1;
            while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
            String frac = (s.substring(i + 1, j) + "000").substring(0, 3);
            ms = Integer.parseInt(frac);
            i = j;
        }
        int off;
        if (i < s.length() && s.charAt(i) == 'Z' && i + 1 == s.length()) {
            off = 0;
        } else if (i + 6 == s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = num(s, i + 1, 2);
            int om = num(s, i + 4, 2);
            if (oh < 0 || om < 0) return INVALID;
            off = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return INVALID;
        }
        if (year < 0 || mon < 0 || day < 0 || h < 0 || m < 0 || sec < 0) return INVALID;
        long millis = epochMillis(year, mon, day, h, m, sec, ms, off);
        if (millis != INVALID) offsetSeconds = off;
        return millis;
    }

    /** {@code $msec}: {@code 1691234567.123}. The offset is left as it was (msec carries none). */
    public static long msec(String s) {
        int dot = s.indexOf('.');
        try {
            if (dot < 0) return Long.parseLong(s) * 1000;
            long secs = Long.parseLong(s.substring(0, dot));
            String frac = (s.substring(dot + 1) + "000").substring(0, 3);
            return secs * 1000 + Integer.parseInt(frac);
        } catch (NumberFormatException e) {
            return INVALID;
        }
    }

    /** Seconds with a fractional part ({@code $request_time}, {@code 12.345}) to ms; -1 if not a number. */
    public static long secondsToMillis(String s) {
        int n = s.length();
        if (n == 0) return -1;
        long whole = 0;
        int i = 0;
        while (i < n && s.charAt(i) != '.') {
            char c = s.charAt(i++);
            if (c < '0' || c > '9') return -1;
            whole = whole * 10 + (c - '0');
            if (whole > 1_000_000_000L) return -1;
        }
        long frac = 0;
        int digits = 0;
        if (i < n) {
            i++;
            while (i < n) {
                char c = s.charAt(i++);
                if (c < '0' || c > '9') return -1;
                if (digits < 3) {
                    frac = frac * 10 + (c - '0');
                    digits++;
                }
            }
        }
        while (digits < 3) {
            frac *= 10;
            digits++;
        }
        return whole * 1000 + frac;
    }

    /**
     * {@link #secondsToMillis(String)} of the ASCII bytes {@code b[from, to)}, by the same rule
     * (what the byte scanner reads of an ordinary line's {@code $request_time}).
     */
    public static long secondsToMillis(byte[] b, int from, int to) {
        if (to == from) return -1;
        long whole = 0;
        int i = from;
        while (i < to && b[i] != '.') {
            int c = b[i++] - '0';
            if (c < 0 || c > 9) return -1;
            whole = whole * 10 + c;
            if (whole > 1_000_000_000L) return -1;
        }
        long frac = 0;
        int digits = 0;
        if (i < to) {
            i++;
            while (i < to) {
                int c = b[i++] - '0';
                if (c < 0 || c > 9) return -1;
                if (digits < 3) {
                    frac = frac * 10 + c;
                    digits++;
                }
            }
        }
        while (digits < 3) {
            frac *= 10;
            digits++;
        }
        return whole * 1000 + frac;
    }

    private static long epochMillis(int year, int mon, int day, int h, int m, int s, int ms, int offset) {
        if (mon < 1 || mon > 12 || day < 1 || day > 31 || h > 23 || m > 59 || s > 60) return INVALID;
        try {
            LocalDateTime t = LocalDateTime.of(year, mon, day, h, m, Math.min(s, 59));
            return t.toEpochSecond(ZoneOffset.ofTotalSeconds(offset)) * 1000 + ms;
        } catch (RuntimeException e) {
            return INVALID;
        }
    }

    private static int num(String s, int off, int len) {
        if (off + len > s.length()) return -1;
        int v = 0;
        for (int i = off; i < off + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
