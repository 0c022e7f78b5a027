package dev.wslogs.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.classify.TimeoutClusters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Held snapshots carry the learned clusters: bounded in bytes, the newest always kept. */
class CheckpointHoldbackBytesTest {
    @Test
    void largeLearnedStates_oldestDropped_newestKept() {
        CheckpointHoldback h = new CheckpointHoldback(1000, 2_000);
        int buckets = 1_000_000; // 12 MB a snapshot: over the bound alone
        for (int i = 0; i < 5; i++) h.offer(i * 10L, List.of(), new TimeoutClusters.State(1, new long[buckets], new int[buckets]));
        assertThat(h.size()).isEqualTo(1);
        assertThat(h.releasable(10_000).logTime()).isEqualTo(40);
        TimeoutClusters.State small = new TimeoutClusters.State(1, new long[10], new int[10]);
        for (int i = 0; i < 100; i++) h.offer(i, List.of(), small);
        assertThat(h.size()).isEqualTo(100);
    }
}
