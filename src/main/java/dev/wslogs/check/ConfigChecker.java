package dev.wslogs.check;

import dev.wslogs.nginxconf.NginxConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Checks every location of a configuration that carries WebSocket, long-polling or streaming
 * traffic ({@link LocationTraffic}) and returns the findings, sorted by file:line. The same
 * configuration always gives the same findings in the same order.
 */
public final class ConfigChecker {
    private final NginxConfig conf;
    private final CheckOptions options;

    public ConfigChecker(NginxConfig conf, CheckOptions options) {
        this.conf = conf;
        this.options = options;
    }

    public CheckReport check() {
        List<LocationTraffic> traffic = LocationTraffic.find(conf, options);
        List<Finding> found = new ArrayList<>();
        for (LocationTraffic t : traffic) {
            UpgradeChecks.check(conf, t, found);
            TransportChecks.check(conf, t, options, found);
            TlsChecks.check(conf, t, found);
        }
        TlsChecks.redirects(conf, traffic, found);
        // An upstream or a server-level directive shared by several locations is reported once per location:
        // keep them, but drop exact duplicates.
        List<Finding> findings = new ArrayList<>(new LinkedHashSet<>(found));
        findings.sort(null);
        return new CheckReport(conf.source(), conf.isDump(), conf.files(), traffic, findings);
    }
}
