package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Scenario;
import java.util.List;

/** Every scenario the lab runs; the slow default-timeout one first so it starts first. */
public final class Scenarios {
    private Scenarios() {}

    public static List<Scenario> all() {
        return List.of(
                new DefaultReadTimeoutScenario(),
                new HealthyScenario(),
                new MissingUpgradeHeadersScenario(),
                new ConnectionHeaderScenario(),
                new ProxyReadTimeoutScenario(),
                new TlsScenario(),
                new BufferingScenario(),
                new MessageTooLargeScenario(),
                new WrongProtocolScenario(),
                new StickySessionScenario(),
                new BackendNotWebSocketScenario(),
                new BackendDownScenario(),
                new UpstreamResetScenario(),
                new ClientAbortScenario());
    }
}
