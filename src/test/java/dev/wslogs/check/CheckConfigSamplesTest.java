package dev.wslogs.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.nginxconf.NginxConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * check-config over the configurations the real-nginx lab ran ({@code samples/<scenario>/nginx.conf}):
 * each misconfiguration is found with its cause id, the healthy configuration is clean, and every
 * other finding is one we stand by (listed here, so a new one is a decision, not an accident).
 */
class CheckConfigSamplesTest {
    private static final Path SAMPLES = Path.of("samples");

    /** Rule ids (warning or worse) per scenario. The scenario's own cause first where config can show it. */
    static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("healthy", Set.of()),
            Map.entry("missing-upgrade-headers", Set.of("missing-upgrade-headers", "proxy-read-timeout")),
            Map.entry("connection-header", Set.of("connection-header", "proxy-read-timeout")),
            Map.entry("proxy-read-timeout", Set.of("proxy-read-timeout")),
            Map.entry("proxy-read-timeout-default", Set.of("proxy-read-timeout")),
            Map.entry("buffering", Set.of("buffering")),
            Map.entry("message-too-large", Set.of("message-too-large", "proxy-read-timeout")),
            Map.entry("sticky-session", Set.of("sticky-session", "proxy-read-timeout")),
            Map.entry("tls", Set.of("tls", "wrong-protocol", "proxy-read-timeout")),
            Map.entry("wrong-protocol", Set.of("wrong-protocol")),
            // causes the configuration cannot show (the back end's behaviour, the client's): only the
            // default 60 s read timeout their locations really have
            Map.entry("backend-down", Set.of("proxy-read-timeout")),
            Map.entry("backend-not-websocket", Set.of("proxy-read-timeout")),
            Map.entry("upstream-reset", Set.of("proxy-read-timeout")),
            Map.entry("client-abort", Set.of()));

    @TestFactory
    Stream<DynamicTest> everySampleConfig_hasExactlyTheExpectedRuleIds() throws Exception {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(SAMPLES)) {
            dirs = s.filter(d -> Files.exists(d.resolve("nginx.conf"))).sorted().toList();
        }
        Set<String> names = dirs.stream().map(d -> d.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(names).isEqualTo(new TreeSet<>(EXPECTED.keySet()));
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName() + "_findsItsCause", () -> {
            CheckReport r = check(d.resolve("nginx.conf"));
            Set<String> ids = r.findings().stream().filter(f -> f.severity().atLeast(Severity.WARNING))
                    .map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
            assertThat(ids).as(d + ": " + r.findings()).isEqualTo(new TreeSet<>(EXPECTED.get(d.getFileName().toString())));
        }));
    }

    @Test
    void healthySample_hasNoFindingAtAll() throws Exception {
        CheckReport r = check(SAMPLES.resolve("healthy/nginx.conf"));
        assertThat(r.findings()).isEmpty();
        assertThat(r.locations()).extracting(t -> t.location().pattern()).containsExactly("/ws");
    }

    @Test
    void missingUpgradeHeaders_citesBothLocationsAtTheirLines() throws Exception {
        CheckReport r = check(SAMPLES.resolve("missing-upgrade-headers/nginx.conf"));
        Map<Integer, Set<String>> byLine = new TreeMap<>();
        for (Finding f : r.findings()) {
            if (f.ruleId().equals("missing-upgrade-headers")) byLine.computeIfAbsent(f.where().line(), k -> new TreeSet<>()).add(f.message());
        }
        assertThat(byLine).hasSize(2);
        assertThat(r.findings()).filteredOn(f -> f.context().contains("location /live") && f.ruleId().equals("missing-upgrade-headers"))
                .singleElement().satisfies(f -> assertThat(f.fix()).contains("proxy_http_version 1.1;"));
    }

    @Test
    void stickySession_pointsAtTheUpstreamWithoutAffinityOnly() throws Exception {
        CheckReport r = check(SAMPLES.resolve("sticky-session/nginx.conf"));
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("sticky-session")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("upstream socketio ").doesNotContain("socketio_sticky"));
    }

    @Test
    void tlsSample_flagsVerificationOffOnlyOnTheLegacyLocation() throws Exception {
        CheckReport r = check(SAMPLES.resolve("tls/nginx.conf"));
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("tls")).singleElement()
                .satisfies(f -> {
                    assertThat(f.context()).contains("location /legacy/ws");
                    assertThat(f.message()).startsWith("proxy_ssl_verify off");
                });
    }

    static CheckReport check(Path conf) throws Exception {
        return new ConfigChecker(NginxConfigReader.read(conf), CheckOptions.DEFAULTS).check();
    }
}
