package dev.wslogs.sink.report;

import java.util.ArrayList;
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

    private void shrink() {
        List<Map.Entry<String, long[]>> es = new ArrayList<>(counts.entrySet());
        es.sort(Comparator.comparingLong(e -> e.getValue()[0]));
        for (int i = 0; i < es.size() / 2; i++) counts.remove(es.get(i).getKey());
    }

    List<Map.Entry<String, Long>> top(int n) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                .limit(n)
                .map(e -> Map.entry(e.getKey(), e.getValue()[0]))
                .toList();
    }
}
