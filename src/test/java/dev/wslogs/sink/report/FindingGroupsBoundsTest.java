package dev.wslogs.sink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.classify.RuleSet;
import dev.wslogs.model.Incident;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a finding group keeps is bounded, and what it reports stays exact where it can. */
class FindingGroupsBoundsTest {
    private static Incident timeout(String path, long durationMillis, List<String> evidence) {
        return new Incident("id", "proxy-read-timeout", 0.9, "r", OffsetDateTime.parse("2026-11-22T10:00:00Z"), "1.2.3.4", "h",
                "GET " + path + " HTTP/1.1", path, 101, durationMillis, "127.0.0.1:9", "101", Optional.empty(), List.of(), evidence, "fix", List.of());
    }

    private static String summary(FindingGroups g) {
        return g.findings().get(0).evidence().get(0);
    }

    @Test
    void durations_pastTheCap_countAndMeanStayExact_medianFromTheFirstKept() throws Exception {
        FindingGroups g = new FindingGroups(RuleSet.builtin());
        int n = FindingGroups.MAX_DURATIONS + 50_000;
        for (int i = 0; i < n; i++) g.add(timeout("/ws", i < FindingGroups.MAX_DURATIONS ? 60_000 : 62_000, List.of("e")));
        // mean of 100 k × 60 s and 50 k × 62 s = 60.667 s; the median of the kept (first 100 k) is 60.000
        assertThat(summary(g)).isEqualTo(String.format(java.util.Locale.ROOT,
                "%d upgraded connections on /ws ended at 60.7 ± 0.9 s (median 60.000 s) → an idle timeout of 60 s", n));
    }

    @Test
    void durations_underTheCap_asBefore() throws Exception {
        FindingGroups g = new FindingGroups(RuleSet.builtin());
        for (long d : new long[] {60_010, 60_020, 60_300}) g.add(timeout("/ws", d, List.of("e")));
        assertThat(summary(g)).isEqualTo("3 upgraded connections on /ws ended at 60.1 ± 0.1 s (median 60.020 s) → an idle timeout of 60 s");
    }

    @Test
    void durations_onlyForTimeoutGroups() throws Exception {
        FindingGroups g = new FindingGroups(RuleSet.builtin());
        Incident reset = new Incident("id", "upstream-reset", 0.9, "r", OffsetDateTime.parse("2026-11-22T10:00:00Z"), "1.2.3.4", "h",
                "GET /ws HTTP/1.1", "/ws", 101, 5_000, "127.0.0.1:9", "101", Optional.empty(), List.of(), List.of("e"), "fix", List.of());
        for (int i = 0; i < 10; i++) g.add(reset);
        assertThat(g.findings().get(0).evidence()).containsExactly("10× e");
    }

    @Test
    void evidenceShapes_boundedInCharacters() throws Exception {
        FindingGroups g = new FindingGroups(RuleSet.builtin());
        String longLine = "x".repeat(30_000);
        for (int i = 0; i < 10; i++) g.add(timeout("/ws", -1, List.of(longLine + i)));
        g.add(timeout("/ws", -1, List.of(longLine + 0))); // a shape already kept still counts
        // 64 k characters hold three shapes of 30 k: the others are counted in the group, not kept
        assertThat(g.findings().get(0).count()).isEqualTo(11);
        assertThat(g.findings().get(0).evidence()).hasSize(3).first().asString().startsWith("2× ");
    }

    private static Incident abort(long durationMillis) {
        String ev = String.format(java.util.Locale.ROOT, "the client closed the connection after %.3f s before the back end answered (499)",
                durationMillis / 1000.0);
        return new Incident("id", "client-abort", 0.9, "r", OffsetDateTime.parse("2026-11-22T10:00:00Z"), "1.2.3.4", "h",
                "GET /ws HTTP/1.1", "/ws", 499, durationMillis, "127.0.0.1:9", "200", Optional.empty(), List.of(), List.of(ev), "fix", List.of());
    }

    @Test
    void evidenceSeenOnce_printedAsWritten_severalOfOneShape_masked() throws Exception {
        FindingGroups once = new FindingGroups(RuleSet.builtin());
        once.add(abort(15_001));
        assertThat(once.findings().get(0).evidence())
                .containsExactly("the client closed the connection after 15.001 s before the back end answered (499)");

        FindingGroups several = new FindingGroups(RuleSet.builtin());
        several.add(abort(15_001));
        several.add(abort(43));
        assertThat(several.findings().get(0).evidence())
                .containsExactly("2× the client closed the connection after N s before the back end answered (499)");
    }
}
