package dev.wslogs.classify;

import dev.wslogs.nginxconf.BalancingMethod;
import dev.wslogs.nginxconf.Directive;
import dev.wslogs.nginxconf.Location;
import dev.wslogs.nginxconf.NginxConfig;
import dev.wslogs.nginxconf.SourceRef;
import dev.wslogs.nginxconf.Upstream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one location does to a WebSocket upgrade, read from the effective directives (nginx's
 * inheritance applied): the one implementation shared by the diagnosis ({@link ConfigKnowledge})
 * and {@code wslogs check-config}. Every gap cites the directive (or block) to change.
 *
 * @param gaps       what keeps an upgrade from reaching the back end; empty when it is forwarded
 * @param upgrade    the effective {@code proxy_set_header Upgrade ...}
 * @param connection the effective {@code proxy_set_header Connection ...}
 * @param proxyPass  the effective {@code proxy_pass}
 * @param upstream   the upstream block {@code proxy_pass} names, if it names one
 */
public record UpgradeForwarding(Location location, List<Gap> gaps, Optional<Directive> httpVersion,
                                Optional<Directive> upgrade, Optional<Directive> connection,
                                Optional<Directive> proxyPass, Optional<Upstream> upstream) {

    /** Why an upgrade does not get through. */
    public enum GapKind { HTTP_VERSION, NO_UPGRADE_HEADER, NO_CONNECTION_HEADER, CONNECTION_NOT_UPGRADE, NO_PROXY_PASS }

    /** One gap: its kind, where to fix it (the directive, else the location) and a sentence. */
    public record Gap(GapKind kind, SourceRef where, String text) {
        public Gap {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(text, "text");
        }
    }

    public UpgradeForwarding {
        Objects.requireNonNull(location, "location");
        gaps = List.copyOf(gaps);
    }

    public static UpgradeForwarding of(NginxConfig conf, Location loc) {
        List<Gap> gaps = new ArrayList<>();
        Optional<Directive> version = conf.effective("proxy_http_version", loc);
        if (version.isEmpty() || !version.get().arg(0).orElse("").equals("1.1")) {
            gaps.add(version.map(d -> new Gap(GapKind.HTTP_VERSION, d.where(),
                            "proxy_http_version " + d.arg(0).orElse("") + " at " + d.where()))
                    .orElse(new Gap(GapKind.HTTP_VERSION, loc.where(),
                            "no proxy_http_version 1.1 (nginx speaks HTTP/1.0 to the back end, which cannot upgrade)")));
        }
        List<Directive> headers = conf.effectiveAll("proxy_set_header", loc);
        Optional<Directive> upgrade = header(headers, "upgrade");
        Optional<Directive> connection = header(headers, "connection");
        if (upgrade.isEmpty()) {
            gaps.add(new Gap(GapKind.NO_UPGRADE_HEADER, loc.where(),
                    "no proxy_set_header Upgrade $http_upgrade (the hop-by-hop header is dropped)"));
        }
        if (connection.isEmpty()) {
            gaps.add(new Gap(GapKind.NO_CONNECTION_HEADER, loc.where(),
                    "no proxy_set_header Connection (nginx sends \"Connection: close\")"));
        } else {
            String value = connection.get().arg(1).orElse("");
            if (!value.toLowerCase(Locale.ROOT).contains("upgrade") && !value.startsWith("$")) {
                gaps.add(new Gap(GapKind.CONNECTION_NOT_UPGRADE, connection.get().where(),
                        "proxy_set_header Connection \"" + value + "\" at " + connection.get().where()));
            }
        }
        Optional<Directive> pass = conf.effective("proxy_pass", loc).filter(d -> d.arg(0).isPresent());
        Optional<Upstream> up = pass.flatMap(d -> conf.resolveUpstream(d.arg(0).get()));
        if (pass.isEmpty()) gaps.add(new Gap(GapKind.NO_PROXY_PASS, loc.where(), "no proxy_pass in this location"));
        return new UpgradeForwarding(loc, gaps, version, upgrade, connection, pass, up);
    }

    /** The last {@code proxy_set_header NAME} of a list (nginx sends the last one). */
    static Optional<Directive> header(List<Directive> headers, String name) {
        Directive found = null;
        for (Directive d : headers) {
            if (d.arg(0).orElse("").equalsIgnoreCase(name)) found = d;
        }
        return Optional.ofNullable(found);
    }

    public boolean forwardsUpgrade() {
        return gaps.isEmpty();
    }

    /** The {@code Connection} header is the fixed string "upgrade" rather than a map of {@code $http_upgrade}. */
    public Optional<Directive> connectionHardcoded() {
        return connection.filter(d -> d.arg(1).orElse("").equalsIgnoreCase("upgrade"));
    }

    /** Servers behind proxy_pass: the upstream's, or 1 for a plain address. */
    public int upstreamServers() {
        return upstream.map(u -> u.servers().size()).orElse(1);
    }

    /** Whether the upstream pins a client to one server (ip_hash, hash, sticky); true without an upstream. */
    public boolean affinity() {
        if (upstream.isEmpty()) return true;
        Upstream u = upstream.get();
        return u.balancing() == BalancingMethod.IP_HASH || u.balancing() == BalancingMethod.HASH || u.sticky().isPresent();
    }
}
