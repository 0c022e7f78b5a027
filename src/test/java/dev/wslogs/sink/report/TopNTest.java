package dev.wslogs.sink.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopNTest {
    /** Dropping the least counted half keeps exactly what a stable sort of the entries keeps, ties included. */
    @Test
    void shrink_dropsWhatTheStableSortDrops() {
        SplittableRandom r = new SplittableRandom(5);
        for (int round = 0; round < 2_000; round++) {
            TopN top = new TopN(1 << 20);
            TopN sorted = new TopN(1 << 20); // the same adds, so the same iteration order (it decides ties)
            int keys = r.nextInt(0, 60);
            int spread = 1 + r.nextInt(5); // few distinct counts: many ties at the cut
            for (int k = 0; k < keys; k++) {
                String key = "k" + r.nextInt(1_000);
                long n = 1 + r.nextInt(spread);
                for (int i = 0; i < n; i++) {
                    top.add(key);
                    sorted.add(key);
                }
            }
            Map<String, long[]> reference = sorted.counts();
            shrinkBySorting(reference);
            top.shrink();
            assertThat(top.counts().keySet()).as("round %d", round).isEqualTo(reference.keySet());
            for (var e : reference.entrySet()) assertThat(top.counts().get(e.getKey())[0]).isEqualTo(e.getValue()[0]);
        }
    }

    /** Over capacity, the most frequent keys survive and are reported first. */
    @Test
    void top_reportsTheMostFrequentThroughShrinks() {
        TopN top = new TopN(100);
        for (int i = 0; i < 10_000; i++) {
            top.add("rare-" + i);
            if (i % 10 == 0) top.add("hot");
            if (i % 20 == 0) top.add("warm");
        }
        assertThat(top.top(2)).extracting(Map.Entry::getKey).containsExactly("hot", "warm");
        assertThat(top.counts().size()).isLessThanOrEqualTo(100);
    }

    /** What TopN did before: a stable sort of the entries by count, the first half dropped. */
    private static <K> void shrinkBySorting(Map<K, long[]> counts) {
        List<Map.Entry<K, long[]>> es = new ArrayList<>(counts.entrySet());
        es.sort(Comparator.comparingLong(e -> e.getValue()[0]));
        List<K> gone = new ArrayList<>();
        for (int i = 0; i < es.size() / 2; i++) gone.add(es.get(i).getKey());
        for (K k : gone) counts.remove(k);
    }
}
