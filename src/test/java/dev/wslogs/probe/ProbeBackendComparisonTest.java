package dev.wslogs.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.probe.ProbeRequest.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The verdict over a front and a back-end probe, on synthetic results. */
class ProbeBackendComparisonTest {
    private static ProbeResult upgraded() {
        return result(101, List.of(), true, Optional.empty());
    }

    private static ProbeResult refused(int status) {
        return result(status, List.of(), false, Optional.empty());
    }

    private static ProbeResult result(int status, List<Phase> extra, boolean upgraded, Optional<CloseInfo> close) {
        List<Phase> phases = new ArrayList<>(List.of(new Phase("dns", true, 0, ""), new Phase("tcp", true, 0, ""),
                new Phase("http", true, 0, "HTTP/1.1 " + status), new Phase("upgrade", upgraded, 0, "")));
        phases.addAll(extra);
        return new ProbeResult("ws://h/ws", phases, Optional.empty(), OptionalInt.of(status), "HTTP/1.1 " + status,
                List.of(new Header("Server", "nginx")), "", List.of(), upgraded, Optional.empty(), close);
    }

    private static ProbeResult noConnection() {
        return new ProbeResult("ws://b/ws", List.of(new Phase("dns", true, 0, ""), new Phase("tcp", false, 0, "Connection refused")),
                Optional.empty(), OptionalInt.empty(), "", List.of(), "", List.of(), false, Optional.empty(), Optional.empty());
    }

    @Test
    void bothUpgrade_noCause() {
        assertThat(BackendComparison.compare(upgraded(), upgraded()).cause()).isEmpty();
    }

    @Test
    void backend101_front400_missingUpgradeHeaders() {
        Verdict v = BackendComparison.compare(refused(400), upgraded());
        assertThat(v.cause()).contains("missing-upgrade-headers");
        assertThat(v.explanation()).contains("the back end answers 101, nginx answers 400");
    }

    @Test
    void backend101_front502_backendDown() {
        assertThat(BackendComparison.compare(refused(502), upgraded()).cause()).contains("backend-down");
    }

    @Test
    void bothRefuse_backendNotWebsocket_backendUnreachable_backendDown() {
        assertThat(BackendComparison.compare(refused(404), refused(404)).cause()).contains("backend-not-websocket");
        assertThat(BackendComparison.compare(refused(502), noConnection()).cause()).contains("backend-down");
    }

    @Test
    void frontHoldFailed_keepsTheFrontsCause_evenWhenBothUpgrade() {
        CloseInfo eof = new CloseInfo(CloseInfo.How.EOF, 60.0, OptionalInt.empty(), "");
        ProbeResult front = result(101, List.of(new Phase("hold", false, 60, "")), true, Optional.of(eof));
        Verdict v = BackendComparison.compare(front, upgraded());
        assertThat(v.cause()).contains("proxy-read-timeout");
        assertThat(v.explanation()).contains("its 60 s default");
    }

    @Test
    void withoutBackend_refusalsAreNamedWithTheirAlternative() {
        assertThat(ProbeDiagnosis.of(refused(426)).cause()).contains("missing-upgrade-headers");
        assertThat(ProbeDiagnosis.of(refused(426)).alternatives()).contains("backend-not-websocket");
        assertThat(ProbeDiagnosis.of(refused(200)).cause()).contains("backend-not-websocket");
        assertThat(ProbeDiagnosis.of(refused(413)).cause()).contains("message-too-large");
    }
}
