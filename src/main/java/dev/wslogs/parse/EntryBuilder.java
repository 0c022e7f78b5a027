package dev.wslogs.parse;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Field;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.LineLayout;

/**
 * Turns the raw per-variable values of one line into an {@link AccessEntry}: {@code -} becomes
 * {@code ""}, the time variables become an instant, {@code $status} and {@code $request_time}
 * numbers. Returns a reason string instead of an entry when a built-in that nginx never leaves
 * empty (time, status) is malformed.
 */
final class EntryBuilder {
    private final TimeParser times = new TimeParser();
    private final boolean[] logged;
    private String error;

    EntryBuilder(boolean[] logged) {
        this.logged = logged;
    }

    String error() {
        return error;
    }

    /** Builds the entry from {@code values} (indexed by Field ordinal; consumed). */
    AccessEntry build(LinePosition pos, String[] values) {
        return build(pos, values, null, null, null);
    }

    /**
     * Builds an entry that decodes its other values from {@code line} when asked
     * ({@link AccessEntry}'s lazy constructor): {@code values} holds at least the time variables,
     * {@code $status} and {@code $request_time}, the ones read here; null ones are decoded later.
     * With {@code line} null, every value is in {@code values} (null: not in the line).
     */
    AccessEntry build(LinePosition pos, String[] values, byte[] line, int[] spans, LineLayout layout) {
        error = null;
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                if (logged[i] && line == null) values[i] = "";
            } else if (v.length() == 1 && v.charAt(0) == '-') {
                values[i] = "";
            }
        }
        long time = TimeParser.INVALID;
        int offset = 0;
        String tl = values[Field.TIME_LOCAL.ordinal()];
        String ti = values[Field.TIME_ISO8601.ordinal()];
        String ms = values[Field.MSEC.ordinal()];
        if (tl != null && !tl.isEmpty()) {
            time = times.timeLocal(tl);
            offset = times.offsetSeconds();
        } else if (ti != null && !ti.isEmpty()) {
            time = times.iso8601(ti);
            offset = times.offsetSeconds();
        }
        if (time == TimeParser.INVALID && ms != null && !ms.isEmpty()) {
            time = TimeParser.msec(ms);
        } else if (ms != null && !ms.isEmpty()) {
            long precise = TimeParser.msec(ms);
            if (precise != TimeParser.INVALID) time = precise; // msec has ms resolution; keep the offset
        }
        if (time == TimeParser.INVALID) {
            error = (tl == null && ti == null && ms == null)
                    ? "format has no $time_local, $time_iso8601 or $msec"
                    : "bad timestamp " + quote(tl != null ? tl : ti != null ? ti : ms);
            return null;
        }
        int status = 0;
        String st = values[Field.STATUS.ordinal()];
        if (st != null) {
            status = parseStatus(st);
            if (status < 0) {
                error = "bad $status " + quote(st);
                return null;
            }
        }
        long rt = AccessEntry.NO_DURATION;
        String rts = values[Field.REQUEST_TIME.ordinal()];
        if (rts != null && !rts.isEmpty()) rt = TimeParser.secondsToMillis(rts);
        return new AccessEntry(pos, values, time, offset, status, rt < 0 ? AccessEntry.NO_DURATION : rt, line, spans, layout);
    }

    static int parseStatus(String s) {
        if (s.isEmpty()) return 0;
        if (s.length() > 3) return -1;
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String quote(String s) {
        return s == null ? "(none)" : "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }

    static boolean[] loggedMask(Iterable<Field> fields) {
        boolean[] mask = new boolean[Field.COUNT];
        for (Field f : fields) mask[f.ordinal()] = true;
        return mask;
    }
}
