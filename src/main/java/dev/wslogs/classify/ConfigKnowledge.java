package dev.wslogs.classify;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Field;
import dev.wslogs.nginxconf.Directive;
import dev.wslogs.nginxconf.Location;
import dev.wslogs.nginxconf.NginxConfig;
import dev.wslogs.nginxconf.ServerBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers, for a logged request, which server and location of nginx.conf served it and what that
 * location does to an upgrade. The server is chosen as nginx does when the log has
 * {@code $server_port} (and a host); otherwise, when several servers could have served it, the one
 * whose matching location is the most specific (a non-root prefix beats {@code /}) — documented as
 * a guess in the evidence. Results are cached per (server, path).
 */
public final class ConfigKnowledge {
    private static final int CACHE_LIMIT = 10_000;
    private final NginxConfig conf;
    private final Map<String, Optional<LocationFacts>> cache = new HashMap<>();

    public ConfigKnowledge(NginxConfig conf) {
        this.conf = conf;
    }

    /** Every proxy_read_timeout in the config (ms), plus nginx's default 60 s where a proxy_pass has none. */
    public List<Long> readTimeouts() {
        Set<Long> out = new LinkedHashSet<>();
        out.add(60_000L);
        collectTimeouts(conf.directives(), out);
        return new ArrayList<>(out);
    }

    private static void collectTimeouts(List<Directive> ds, Set<Long> out) {
        for (Directive d : ds) {
            if (d.is("proxy_read_timeout") && !d.args().isEmpty()) {
                long ms = durationMillis(d.args().get(0));
                if (ms > 0) out.add(ms);
            }
            collectTimeouts(d.children(), out);
        }
    }

    public Optional<LocationFacts> factsFor(AccessEntry a) {
        String path = a.path();
        if (path.isEmpty()) return Optional.empty();
        String port = a.get(Field.SERVER_PORT);
        String host = a.server();
        String key = port + "|" + host + "|" + path;
        Optional<LocationFacts> f = cache.get(key);
        if (f == null) {
            f = compute(port, host, path);
            if (cache.size() < CACHE_LIMIT) cache.put(key, f);
        }
        return f;
    }

    private Optional<LocationFacts> compute(String port, String host, String path) {
        ServerBlock server = null;
        if (!port.isEmpty()) {
            try {
                server = conf.selectServer(Integer.parseInt(port), host).orElse(null);
            } catch (NumberFormatException e) {
                server = null;
            }
        }
        Location best = null;
        List<ServerBlock> candidates = server != null ? List.of(server) : conf.servers();
        for (ServerBlock s : candidates) {
            Optional<Location> l = conf.selectLocation(s, path);
            if (l.isEmpty()) continue;
            if (best == null || specificity(l.get()) > specificity(best)) {
                best = l.get();
                server = s;
            }
        }
        if (best == null) return Optional.empty();
        return Optional.of(describe(server, best));
    }

    private static int specificity(Location l) {
        return l.pattern().equals("/") ? 0 : l.pattern().length() + (l.isRegex() ? 0 : 1);
    }

    private LocationFacts describe(ServerBlock server, Location loc) {
        String label = "server " + server.primaryName() + ", " + loc.label();
        UpgradeForwarding f = UpgradeForwarding.of(conf, loc);
        List<String> problems = f.gaps().stream().map(UpgradeForwarding.Gap::text).toList();
        Optional<String> hardcoded = f.connectionHardcoded()
                .map(d -> "proxy_set_header Connection \"upgrade\" at " + d.where());
        String upstreamWhere = f.upstream().map(u -> "upstream " + u.name() + " at " + u.where()).orElse("");
        Optional<dev.wslogs.nginxconf.Directive> rt = conf.effective("proxy_read_timeout", loc);
        long timeout = rt.flatMap(d -> d.arg(0)).map(ConfigKnowledge::durationMillis).filter(ms -> ms > 0).orElse(60_000L);
        String timeoutWhere = rt.map(d -> "proxy_read_timeout " + d.arg(0).orElse("") + " at " + d.where())
                .orElse("nginx's default proxy_read_timeout 60s (none set)");
        return new LocationFacts(label, loc.where().toString(), problems, hardcoded, f.upstreamServers(), f.affinity(),
                upstreamWhere, timeout, timeoutWhere);
    }

    /** nginx time syntax: {@code 60}, {@code 60s}, {@code 1m}, {@code 1h30m}, {@code 500ms}. */
    public static long durationMillis(String v) {
        long total = 0;
        long num = -1;
        String s = v.toLowerCase(Locale.ROOT);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                num = (num < 0 ? 0 : num * 10) + (c - '0');
                continue;
            }
            if (num < 0) return -1;
            long unit;
            if (s.startsWith("ms", i)) {
                unit = 1;
                i++;
            } else {
                unit = switch (c) {
                    case 's' -> 1000;
                    case 'm' -> 60_000;
                    case 'h' -> 3_600_000;
                    case 'd' -> 86_400_000;
                    case 'w' -> 7 * 86_400_000L;
                    case 'y' -> 365 * 86_400_000L;
                    default -> -1;
                };
            }
            if (unit < 0) return -1;
            total += num * unit;
            num = -1;
        }
        if (num >= 0) total += num * 1000;
        return total;
    }
}
