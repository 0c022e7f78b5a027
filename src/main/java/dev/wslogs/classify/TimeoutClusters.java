package dev.wslogs.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Finds the durations at which upgraded connections end in bulk: the signature of an idle timeout
 * ({@code proxy_read_timeout}, 60 s by default) when error.log is at its default level and holds no
 * line about it. A tunnel closed by the timer ends a few ms after the timeout, so its
 * {@code $request_time} sits just above a whole number of seconds.
 *
 * <p>Counts are kept per 100 ms bucket of duration (bounded: durations above 2 days are ignored).
 */
public final class TimeoutClusters {
    static final int MIN_SESSIONS = 3;
    private static final long MAX_TRACKED_MILLIS = 2L * 24 * 3600 * 1000;
    private final TreeMap<Long, Integer> buckets = new TreeMap<>();
    private final List<Long> known;
    private long upgraded;

    /** @param knownTimeoutsMillis timeouts known from config or flags (60 s is nginx's default) */
    public TimeoutClusters(List<Long> knownTimeoutsMillis) {
        this.known = List.copyOf(knownTimeoutsMillis);
    }

    public void add(long durationMillis) {
        upgraded++;
        if (durationMillis < 0 || durationMillis > MAX_TRACKED_MILLIS) return;
        buckets.merge(durationMillis / 100, 1, Integer::sum);
    }

    public long upgradedSessions() {
        return upgraded;
    }

    /** A timeout (ms) that this duration looks like it ended at, or -1. */
    public long timeoutFor(long durationMillis) {
        for (long t : known) if (durationMillis >= t && durationMillis < t + 1500) return t;
        long whole = (durationMillis / 1000) * 1000;
        if (whole < 2000 || durationMillis - whole >= 300) return -1;
        return sessionsNear(whole) >= MIN_SESSIONS ? whole : -1;
    }

    /** Whether the duration is near a round number of seconds, so a cluster may still form. */
    public static boolean mayBeTimeout(long durationMillis) {
        return durationMillis >= 2000 && durationMillis % 1000 < 300;
    }

    /** Sessions that ended within [t, t + 300 ms). */
    public int sessionsNear(long t) {
        int n = 0;
        for (int v : buckets.subMap(t / 100, true, (t + 300) / 100, false).values()) n += v;
        return n;
    }

    public boolean isKnown(long t) {
        return known.contains(t);
    }

    /** Every timeout with at least {@link #MIN_SESSIONS} sessions, for the report. */
    public List<long[]> clusters() {
        List<long[]> out = new ArrayList<>();
        for (long sec = 2; sec <= MAX_TRACKED_MILLIS / 1000; ) {
            Long next = buckets.ceilingKey(sec * 10);
            if (next == null) break;
            long s = next / 10;
            long t = s * 1000;
            int n = sessionsNear(t);
            if (n >= MIN_SESSIONS && next % 10 < 3) out.add(new long[] {t, n});
            sec = s + 1;
        }
        return out;
    }
}
