package dev.wslogs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The primitive buckets answer as the sorted map of 100 ms buckets they replace. */
class TimeoutClustersTest {
    /** The former implementation, kept as the reference. */
    private static final class Reference {
        final TreeMap<Long, Integer> buckets = new TreeMap<>();

        void add(long d) {
            if (d < 0 || d > 2L * 24 * 3600 * 1000) return;
            buckets.merge(d / 100, 1, Integer::sum);
        }

        int sessionsNear(long t) {
            int n = 0;
            for (int v : buckets.subMap((t - 100) / 100, true, (t + TimeoutClusters.LATE) / 100, false).values()) n += v;
            return n;
        }

        List<long[]> clusters() {
            List<long[]> out = new ArrayList<>();
            for (long sec = 2; sec <= 2L * 24 * 3600; ) {
                Long next = buckets.ceilingKey(sec * 10);
                if (next == null) break;
                long s = next / 10;
                long t = s * 1000;
                int n = sessionsNear(t);
                if (n >= TimeoutClusters.MIN_SESSIONS && next % 10 < 3) out.add(new long[] {t, n});
                else if (n >= TimeoutClusters.MIN_SESSIONS && next % 10 == 9) out.add(new long[] {t + 1000, sessionsNear(t + 1000)});
                sec = s + 1;
            }
            return out;
        }
    }

    @Test
    void sameAnswersAsTheSortedMap() {
        SplittableRandom r = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            TimeoutClusters c = new TimeoutClusters(List.of(60_000L));
            Reference ref = new Reference();
            int n = r.nextInt(0, 400);
            long max = r.nextInt(10) > 0 ? 200_000 : 3L * 24 * 3600 * 1000; // some beyond two days: ignored
            for (int i = 0; i < n; i++) {
                long d = r.nextInt(4) == 0 ? -1 : r.nextInt(3) == 0 ? (1 + r.nextLong(100)) * 1000 + r.nextLong(-60, 320) : r.nextLong(max);
                c.add(d);
                ref.add(d);
            }
            assertThat(c.clusters()).usingRecursiveComparison().isEqualTo(ref.clusters());
            for (int k = 0; k < 50; k++) {
                long d = r.nextLong(max);
                long whole = TimeoutClusters.nearestSecond(d);
                if (whole >= 0) assertThat(c.sessionsNear(whole)).isEqualTo(ref.sessionsNear(whole));
            }
            TimeoutClusters restored = new TimeoutClusters(List.of(60_000L));
            restored.restore(c.snapshot());
            assertThat(restored.clusters()).usingRecursiveComparison().isEqualTo(ref.clusters());
            assertThat(restored.snapshot()).usingRecursiveComparison().isEqualTo(c.snapshot());
            assertThat(c.snapshot().buckets()).containsExactly(ref.buckets.keySet().stream().mapToLong(Long::longValue).toArray());
        }
    }
}
