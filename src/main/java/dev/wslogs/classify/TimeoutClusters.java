package dev.wslogs.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the durations at which upgraded connections end in bulk: the signature of an idle timeout
 * ({@code proxy_read_timeout}, 60 s by default) when error.log is at its default level and holds no
 * line about it. A tunnel closed by the timer ends close to the timeout — usually a few ms after,
 * but nginx's millisecond timer and cached clock can make {@code $request_time} read up to a few ms
 * short (2.999 for 3 s was measured) — so it sits within [-50 ms, +300 ms] of a whole second.
 *
 * <p>Counts are kept per 100 ms bucket of duration (bounded: durations above 2 days are ignored).
 */
public final class TimeoutClusters {
    static final int MIN_SESSIONS = 3;
    static final long EARLY = 50;
    static final long LATE = 300;
    private static final long MAX_TRACKED_MILLIS = 2L * 24 * 3600 * 1000;
    /** Sessions per 100 ms bucket of duration, grown to the longest duration seen (at most 1.7 M ints: 7 MB for durations of two days). */
    private int[] buckets = new int[0];
    private int distinct;
    private final List<Long> known;
    private long upgraded;

    /** @param knownTimeoutsMillis timeouts known from config or flags (60 s is nginx's default) */
    public TimeoutClusters(List<Long> knownTimeoutsMillis) {
        this.known = List.copyOf(knownTimeoutsMillis);
    }

    public void add(long durationMillis) {
        upgraded++;
        if (durationMillis < 0 || durationMillis > MAX_TRACKED_MILLIS) return;
        int b = (int) (durationMillis / 100);
        if (b >= buckets.length) buckets = java.util.Arrays.copyOf(buckets, Math.max(b + 1, Math.min(BUCKETS, 2 * buckets.length)));
        if (buckets[b]++ == 0) distinct++;
    }

    private static final int BUCKETS = (int) (MAX_TRACKED_MILLIS / 100) + 1;

    private int count(long bucket) {
        return bucket >= 0 && bucket < buckets.length ? buckets[(int) bucket] : 0;
    }

    /** What the clusters have learned, to carry over a restart (the daemon saves it with its positions). */
    public record State(long upgraded, long[] buckets, int[] counts) {}

    public State snapshot() {
        long[] keys = new long[distinct];
        int[] counts = new int[distinct];
        int i = 0;
        for (int b = 0; b < buckets.length; b++) {
            if (buckets[b] == 0) continue;
            keys[i] = b;
            counts[i++] = buckets[b];
        }
        return new State(upgraded, keys, counts);
    }

    /** Replaces what was learned with a saved state (at start, before any line is read). */
    public void restore(State s) {
        buckets = new int[0];
        distinct = 0;
        for (int i = 0; i < s.buckets().length; i++) {
            long b = s.buckets()[i];
            if (b < 0 || b >= BUCKETS || s.counts()[i] <= 0) continue;
            if (b >= buckets.length) buckets = java.util.Arrays.copyOf(buckets, (int) b + 1);
            if (buckets[(int) b] == 0) distinct++;
            buckets[(int) b] += s.counts()[i];
        }
        upgraded = s.upgraded();
    }

    public long upgradedSessions() {
        return upgraded;
    }

    /** A timeout (ms) that this duration looks like it ended at, or -1. */
    public long timeoutFor(long durationMillis) {
        for (long t : known) if (near(durationMillis, t)) return t;
        long whole = nearestSecond(durationMillis);
        if (whole < 2000 || whole < 0) return -1;
        return sessionsNear(whole) >= MIN_SESSIONS ? whole : -1;
    }

    /** Whether a duration ended at this timeout (within [-50 ms, +1.5 s): the timer and the close). */
    public static boolean near(long durationMillis, long timeoutMillis) {
        return durationMillis >= timeoutMillis - EARLY && durationMillis < timeoutMillis + 1500;
    }

    /** The whole second this duration sits at (within [-50 ms, +300 ms]), or -1. */
    static long nearestSecond(long durationMillis) {
        long up = ((durationMillis + EARLY) / 1000) * 1000;
        return durationMillis - up < LATE ? up : -1;
    }

    /** Whether the duration is near a round number of seconds, so a cluster may still form. */
    public static boolean mayBeTimeout(long durationMillis) {
        return durationMillis >= 2000 - EARLY && nearestSecond(durationMillis) >= 0;
    }

    /** Sessions that ended within [t - 100 ms, t + 300 ms) (bucket resolution is 100 ms). */
    public int sessionsNear(long t) {
        int n = 0;
        for (long b = (t - 100) / 100; b < (t + LATE) / 100; b++) n += count(b);
        return n;
    }

    public boolean isKnown(long t) {
        return known.contains(t);
    }

    /** Every timeout with at least {@link #MIN_SESSIONS} sessions, for the report. */
    public List<long[]> clusters() {
        List<long[]> out = new ArrayList<>();
        for (long sec = 2; sec <= MAX_TRACKED_MILLIS / 1000; ) {
            long next = sec * 10;
            while (next < buckets.length && buckets[(int) next] == 0) next++;
            if (next >= buckets.length) break;
            long s = next / 10;
            long t = s * 1000;
            int n = sessionsNear(t);
            if (n >= MIN_SESSIONS && next % 10 < 3) {
                out.add(new long[] {t, n});
            } else if (n >= MIN_SESSIONS && next % 10 == 9) {
                out.add(new long[] {t + 1000, sessionsNear(t + 1000)});
            }
            sec = s + 1;
        }
        return out;
    }
}
