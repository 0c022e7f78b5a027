package dev.wslogs.check;

import dev.wslogs.classify.UpgradeForwarding;
import dev.wslogs.classify.UpgradeForwarding.Gap;
import dev.wslogs.classify.UpgradeForwarding.GapKind;
import dev.wslogs.nginxconf.Directive;
import dev.wslogs.nginxconf.Location;
import dev.wslogs.nginxconf.MapBlock;
import dev.wslogs.nginxconf.NginxConfig;
import dev.wslogs.nginxconf.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Does the upgrade reach the back end: HTTP/1.1, {@code Upgrade}, {@code Connection} through a
 * correct {@code map}, headers not lost to nginx's all-or-nothing inheritance of
 * {@code proxy_set_header}, and {@code Connection "upgrade"} not forced on plain requests.
 */
final class UpgradeChecks {
    private static final String MISSING = "missing-upgrade-headers";
    private static final String CONNECTION = "connection-header";

    private UpgradeChecks() {}

    static void check(NginxConfig conf, LocationTraffic t, List<Finding> out) {
        if (!t.websocket()) return;
        Location loc = t.location();
        UpgradeForwarding f = UpgradeForwarding.of(conf, loc);
        boolean mapDefined = conf.map("$connection_upgrade").isPresent();
        List<Gap> headerGaps = new ArrayList<>();
        for (Gap g : f.gaps()) {
            switch (g.kind()) {
                case HTTP_VERSION -> out.add(new Finding(MISSING, Severity.ERROR, g.where(), t.label(),
                        g.text() + ": an upgrade needs HTTP/1.1 to the back end; with HTTP/1.0 the back end refuses it (or nginx "
                                + "cannot tunnel it).", Fixes.in(loc, "proxy_http_version 1.1;")));
                case NO_UPGRADE_HEADER, NO_CONNECTION_HEADER, CONNECTION_NOT_UPGRADE -> headerGaps.add(g);
                case NO_PROXY_PASS -> { }
            }
        }
        if (!headerGaps.isEmpty()) headerFinding(conf, t, headerGaps, mapDefined, out);
        f.connection().ifPresent(c -> connectionValue(conf, t, c, out));
        f.connectionHardcoded().ifPresent(c -> hardcoded(t, c, mapDefined, out));
    }

    private static void headerFinding(NginxConfig conf, LocationTraffic t, List<Gap> gaps, boolean mapDefined,
                                      List<Finding> out) {
        Location loc = t.location();
        List<String> fix = new ArrayList<>(List.of("proxy_set_header Upgrade $http_upgrade;",
                "proxy_set_header Connection $connection_upgrade;"));
        String snippet = Fixes.in(loc, fix);
        if (!mapDefined) snippet = Fixes.MAP + "\n" + snippet;
        String what = String.join("; ", gaps.stream().map(Gap::text).toList());
        Optional<Directive> dropped = droppedInheritance(conf, loc);
        if (dropped.isPresent()) {
            out.add(new Finding(MISSING, Severity.ERROR, t.own("proxy_set_header").map(Directive::where).orElse(loc.where()), t.label(),
                    "this location sets its own proxy_set_header, so none of the enclosing level's are inherited — "
                            + "including " + dropped.get().text() + " (" + dropped.get().where() + "): " + what
                            + ". nginx inherits proxy_set_header only when a level sets none at all.",
                    snippet.replace("    # ... the rest as it is", "    # ... and this location's own proxy_set_header lines")));
            return;
        }
        out.add(new Finding(MISSING, Severity.ERROR, gaps.get(0).where(), t.label(),
                what + ": Upgrade and Connection are hop-by-hop headers that nginx does not pass on by itself, so the "
                        + "back end sees a plain GET and cannot answer 101.", snippet));
    }

    /** The Upgrade/Connection header an enclosing level sets that this location's own proxy_set_header hides. */
    private static Optional<Directive> droppedInheritance(NginxConfig conf, Location loc) {
        if (loc.directive().child("proxy_set_header").isEmpty()) return Optional.empty();
        Optional<Scope> parent = loc.scope().parent();
        if (parent.isEmpty()) return Optional.empty();
        return conf.effectiveAll("proxy_set_header", parent.get()).stream()
                .filter(d -> {
                    String h = d.arg(0).orElse("").toLowerCase(Locale.ROOT);
                    return h.equals("upgrade") || h.equals("connection");
                })
                .findFirst();
    }

    /** {@code Connection $var}: the variable must be a map of {@code $http_upgrade} that gives "upgrade" for upgrades only. */
    private static void connectionValue(NginxConfig conf, LocationTraffic t, Directive c, List<Finding> out) {
        String value = c.arg(1).orElse("");
        if (!value.startsWith("$") || value.equals("$http_connection")) return;
        String var = value.startsWith("${") && value.endsWith("}") ? "$" + value.substring(2, value.length() - 1) : value;
        Optional<MapBlock> map = conf.map(var);
        if (map.isEmpty()) {
            out.add(new Finding(MISSING, Severity.ERROR, c.where(), t.label(),
                    c.text() + " uses " + var + ", which no map defines: nginx refuses to start (unknown variable) or, if "
                            + "it is set elsewhere, sends whatever it holds.", Fixes.MAP));
            return;
        }
        MapBlock m = map.get();
        if (!m.source().equalsIgnoreCase("$http_upgrade")) {
            out.add(new Finding(CONNECTION, Severity.WARNING, m.where(), t.label(),
                    "map " + m.source() + " " + m.target() + " feeds the Connection header but is keyed on " + m.source()
                            + ", not $http_upgrade: the header does not follow whether the client asked to upgrade.", Fixes.MAP));
            return;
        }
        String forUpgrade = conf.mapValue(m, "websocket");
        String forPlain = conf.mapValue(m, "");
        if (!forUpgrade.toLowerCase(Locale.ROOT).contains("upgrade")) {
            out.add(new Finding(MISSING, Severity.ERROR, m.where(), t.label(),
                    "map " + m.source() + " " + m.target() + " gives \"" + forUpgrade + "\" for \"Upgrade: websocket\", "
                            + "so the back end never sees \"Connection: upgrade\".", Fixes.MAP));
        } else if (forPlain.toLowerCase(Locale.ROOT).contains("upgrade")) {
            out.add(new Finding(CONNECTION, Severity.WARNING, m.where(), t.label(),
                    "map " + m.source() + " " + m.target() + " gives \"" + forPlain + "\" also when the client sent no "
                            + "Upgrade header (no '' entry): plain requests reach the back end with \"Connection: upgrade\".",
                    Fixes.MAP));
        }
    }

    private static void hardcoded(LocationTraffic t, Directive c, boolean mapDefined, List<Finding> out) {
        String fix = Fixes.in(t.location(), "proxy_set_header Connection $connection_upgrade;   # not \"upgrade\"");
        if (!mapDefined) fix = Fixes.MAP + "\n" + fix;
        if (t.servesPlainRequests()) {
            out.add(new Finding(CONNECTION, Severity.WARNING, c.where(), t.label(),
                    c.text() + " is sent on every request of this location, and it also serves plain requests ("
                            + (t.session() ? "the transport's long-polling" : "everything under /")
                            + "): those reach the back end as upgrade requests without an Upgrade header, and keep-alive "
                            + "to the upstream is lost.", fix));
        } else if (!t.why().contains("WebSocket path name") && !t.why().contains("a known WebSocket path (--ws-path)")) {
            out.add(new Finding(CONNECTION, Severity.NOTE, c.where(), t.label(),
                    c.text() + " is sent on every request of this location; if it also serves plain requests, they reach "
                            + "the back end as upgrade requests. The map sends \"upgrade\" only when the client asked for it.",
                    fix));
        }
    }
}
