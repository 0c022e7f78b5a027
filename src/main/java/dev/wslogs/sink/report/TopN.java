package dev.wslogs.sink.report;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts keys and reports the most frequent. Memory is bounded: past {@code capacity} distinct
 * keys, the least counted half is dropped (Misra–Gries style), so counts are lower bounds for keys
 * that arrived late; for the top few of a log that is accurate in practice.
 */
final class TopN {
    private final int capacity;
    private final Map<String, long[]> counts = new HashMap<>();

    TopN(int capacity) {
        this.capacity = capacity;
    }

    void add(String key) {
        long[] c = counts.get(key);
        if (c != null) {
            c[0]++;
            return;
        }
        if (counts.size() >= capacity) shrink();
        counts.put(key, new long[] {1});
    }

    /**
     * Drops the least counted half: the first {@code size / 2} entries of the map's iteration order
     * stably sorted by count. Found without sorting the entries: the count {@code t} at that rank
     * (a sort of the primitive counts), then everything counted less, and the first entries counted
     * exactly {@code t} in iteration order until half are gone.
     */
    void shrink() {
        int drop = counts.size() / 2;
        if (drop == 0) return;
        long[] c = new long[counts.size()];
        int n = 0;
        for (long[] v : counts.values()) c[n++] = v[0];
        java.util.Arrays.sort(c);
        long t = c[drop - 1];
        int below = 0;
        while (below < n && c[below] < t) below++;
        int equalToDrop = drop - below;
        java.util.Iterator<long[]> it = counts.values().iterator();
        while (it.hasNext()) {
            long v = it.next()[0];
            if (v < t) it.remove();
            else if (v == t && equalToDrop > 0) {
                it.remove();
                equalToDrop--;
            }
        }
    }

    /** The counts (for tests). */
    Map<String, long[]> counts() {
        return counts;
    }

    List<Map.Entry<String, Long>> top(int n) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                .limit(n)
                .map(e -> Map.entry(e.getKey(), e.getValue()[0]))
                .toList();
    }
}
