package dev.wslogs.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The facts about nginx 1.22 the diagnosis engine relies on, stated once each against the lab's
 * runs (the per-label checks in {@link LabScenariosIT} cover every action; these name the facts).
 */
class LabFactsIT {
    @Test
    void resetMidTunnel_levelTellsTheSide() {
        Label upstream = LabSuite.run("upstream-reset").label("reset-mid-session-1");
        Label client = LabSuite.run("client-abort").label("resets-established-tunnel");
        assertThat(upstream.expectError()).isEqualTo(client.expectError());
        assertThat(List.of(upstream.expectErrorLevel(), client.expectErrorLevel())).containsExactly("error", "info");
        assertThat(List.of(upstream.expectStatus(), client.expectStatus())).containsExactly(101, 101);
        assertThat(LabRunCheck.labelProblems(LabSuite.run("upstream-reset"), upstream)).isEmpty();
        assertThat(LabRunCheck.labelProblems(LabSuite.run("client-abort"), client)).isEmpty();
    }

    @Test
    void idleTimeout_isInfoOnlyAndInvisibleAtDefaultLevel() {
        LabRun run = LabSuite.run("proxy-read-timeout");
        assertThat(LabRun.lines(run.errorInfo())).anyMatch(l -> l.contains("while proxying upgraded connection"));
        assertThat(LabRun.lines(run.error())).noneMatch(l -> l.contains("while proxying upgraded connection"));
    }

    @Test
    void defaultReadTimeout_cutsIdleTunnelAfterSixtySeconds() {
        LabRun run = LabSuite.run("proxy-read-timeout-default");
        Label idle = run.label("idle-session-default-timeout");
        String line = LabRun.lines(run.accessExtended()).get(idle.accessLine() - 1);
        double requestTime = Double.parseDouble(afterUserAgent(line)[0]);
        assertThat(requestTime).isBetween(59.9, 62.0);
    }

    @Test
    void clientTlsHandshakeFailure_writesErrorLineButNoAccessLine() {
        LabRun run = LabSuite.run("tls");
        assertThat(run.label("client-rejects-self-signed-cert").accessLine()).isNull();
        assertThat(run.label("client-hangs-up-mid-handshake").accessLine()).isNull();
        assertThat(LabRun.lines(run.accessExtended())).hasSize(2);
        assertThat(LabRunCheck.labelProblems(run, run.label("client-rejects-self-signed-cert"))).isEmpty();
    }

    @Test
    void threeAccessFormats_carryTheSameRequestOnEveryLine() {
        for (LabRun run : LabSuite.runs().values()) {
            assertThat(LabRun.lines(run.accessJson())).hasSameSizeAs(LabRun.lines(run.accessCombined()));
            assertThat(LabRunCheck.agreementProblems(run)).isEmpty();
        }
    }

    @Test
    void stickySession_roundRobinAlternatesUpstreamWithinOneSid() {
        LabRun run = LabSuite.run("sticky-session");
        List<String> lines = LabRun.lines(run.accessExtended());
        String first = lines.get(run.label("rr-polling-handshake").accessLine() - 1);
        String second = lines.get(run.label("rr-polling-post-other-instance").accessLine() - 1);
        assertThat(AccessLine.parse(second).orElseThrow().status()).isEqualTo(400);
        assertThat(upstreamAddr(first)).isNotEqualTo(upstreamAddr(second));
    }

    /** {@code $upstream_addr} of a single-attempt extended line. */
    private static String upstreamAddr(String extendedLine) {
        return afterUserAgent(extendedLine)[2];
    }

    /** The extended format's fields after {@code "$http_user_agent"}: request_time, upstream_status, … */
    private static String[] afterUserAgent(String extendedLine) {
        int agentStart = extendedLine.indexOf("\" \"") + 3;
        return extendedLine.substring(extendedLine.indexOf("\" ", agentStart) + 2).split(" ");
    }
}
