package dev.wslogs.check;

import dev.wslogs.nginxconf.Directive;
import dev.wslogs.nginxconf.Listen;
import dev.wslogs.nginxconf.Location;
import dev.wslogs.nginxconf.NginxConfig;
import dev.wslogs.nginxconf.Scope;
import dev.wslogs.nginxconf.ServerBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real-time traffic a proxied location carries, and why we think so. Only locations with their
 * own {@code proxy_pass} are considered: elsewhere nginx answers itself.
 *
 * @param websocket upgrades pass here: upgrade headers set (here or on an enclosing level, even if a
 *                  nested {@code proxy_set_header} drops them), a WebSocket name, or a known path
 * @param session   a session-based transport with long-polling (socket.io, engine.io, SockJS):
 *                  plain requests too, bodies, and every request of a session must reach one back end
 * @param streaming a streaming HTTP response (Server-Sent Events and the like) by its name
 * @param why       the reasons, for the report
 */
public record LocationTraffic(ServerBlock server, Location location, boolean websocket, boolean session,
                              boolean streaming, List<String> why) {

    private static final Pattern WS_NAME = Pattern.compile(
            "(?i)(^|[/^_-])(ws|wss|websockets?|socket\\.io|sockjs|engine\\.io|cable|signalr|graphql-ws|live|realtime)([/$_.-]|$)");
    private static final Pattern SESSION_NAME = Pattern.compile("(?i)(socket\\.io|engine\\.io|sockjs)");
    private static final Pattern STREAM_NAME = Pattern.compile(
            "(?i)(^|[/^_-])(events?|sse|stream|streaming|eventsource|event-stream|subscribe|push)([/$_.-]|$)");
    private static final Set<String> UPGRADE_HEADERS = Set.of("upgrade", "connection");

    public LocationTraffic {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(location, "location");
        why = List.copyOf(why);
    }

    /** Every location of the configuration that carries real-time traffic, in configuration order. */
    static List<LocationTraffic> find(NginxConfig conf, CheckOptions options) {
        List<LocationTraffic> out = new ArrayList<>();
        for (ServerBlock s : conf.servers()) {
            List<Location> known = new ArrayList<>();
            for (String p : options.wsPaths()) conf.selectLocation(s, p).ifPresent(known::add);
            for (Location l : s.allLocations()) {
                if (l.isNamed() || l.directive().child("proxy_pass").isEmpty()) continue;
                LocationTraffic t = of(conf, s, l, known.contains(l));
                if (t.websocket || t.session || t.streaming) out.add(t);
            }
        }
        return out;
    }

    static LocationTraffic of(NginxConfig conf, ServerBlock server, Location loc, boolean knownPath) {
        List<String> why = new ArrayList<>();
        String name = loc.pattern().replace("\\", "");
        boolean headers = upgradeHeaderSet(conf, loc.scope());
        if (headers) why.add("upgrade headers set");
        boolean wsName = WS_NAME.matcher(name).find();
        if (wsName) why.add("WebSocket path name");
        if (knownPath) why.add("a known WebSocket path (--ws-path)");
        boolean session = SESSION_NAME.matcher(name).find();
        if (session) why.add("session-based transport with long-polling");
        boolean websocket = headers || wsName || knownPath;
        boolean streaming = !websocket && STREAM_NAME.matcher(name).find();
        if (streaming) why.add("streaming path name");
        return new LocationTraffic(server, loc, websocket, session, streaming, why);
    }

    /** Whether this level or any enclosing one sets Upgrade or Connection with proxy_set_header. */
    private static boolean upgradeHeaderSet(NginxConfig conf, Scope scope) {
        for (Scope s = scope; !s.isMain(); s = s.parent().orElseThrow()) {
            boolean set = conf.effectiveAll("proxy_set_header", s).stream()
                    .anyMatch(d -> UPGRADE_HEADERS.contains(d.arg(0).orElse("").toLowerCase(java.util.Locale.ROOT))
                            && !d.arg(1).orElse("").isEmpty());
            if (set) return true;
        }
        return false;
    }

    public boolean tlsServer() {
        return server.listensWithSsl();
    }

    /** Whether plain (non-upgrade) requests certainly reach this location too. */
    public boolean servesPlainRequests() {
        return session || location.pattern().equals("/");
    }

    /** {@code server localhost (127.0.0.1:443 ssl), location /ws}. */
    public String label() {
        String listens = server.effectiveListens().stream().map(Listen::toString).collect(Collectors.joining(", "));
        String name = server.primaryName().isEmpty() ? "\"\"" : server.primaryName();
        return "server " + name + " (" + listens + "), " + location.label();
    }

    /** The location's own directive of this name, if written in the block itself. */
    Optional<Directive> own(String name) {
        return location.directive().child(name);
    }
}
