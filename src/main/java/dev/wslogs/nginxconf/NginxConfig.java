package dev.wslogs.nginxconf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed nginx configuration: the directive tree with includes expanded, the typed views derived
 * from it, and nginx's request-routing and inheritance rules over them. Immutable and safe to
 * share; obtain one from {@link NginxConfigReader}.
 */
public final class NginxConfig {

    private final String source;
    private final boolean dump;
    private final List<String> files;
    private final List<Directive> directives;
    private final Map<String, LogFormat> logFormats;
    private final List<AccessLog> accessLogs;
    private final List<ErrorLog> errorLogs;
    private final List<ServerBlock> servers;
    private final List<Upstream> upstreams;
    private final List<MapBlock> maps;
    private final NginxRegex regex;
    private final Inheritance inheritance;
    private final ServerSelector serverSelector;
    private final LocationSelector locationSelector;

    NginxConfig(String source, boolean dump, List<String> files, List<Directive> directives) throws NginxConfException {
        this.source = Objects.requireNonNull(source, "source");
        this.dump = dump;
        this.files = List.copyOf(files);
        this.directives = List.copyOf(directives);
        this.inheritance = new Inheritance(this.directives);
        ModelBuilder b = ModelBuilder.build(this.directives, inheritance);
        this.logFormats = Collections.unmodifiableMap(new LinkedHashMap<>(b.logFormats));
        this.accessLogs = List.copyOf(b.accessLogs);
        this.errorLogs = List.copyOf(b.errorLogs);
        this.servers = List.copyOf(b.servers);
        this.upstreams = List.copyOf(b.upstreams);
        this.maps = List.copyOf(b.maps);
        this.regex = b.regex;
        this.serverSelector = new ServerSelector(servers, regex);
        this.locationSelector = new LocationSelector(regex);
    }

    /** What the configuration was read from, as the caller named it ({@code -} for stdin). */
    public String source() {
        return source;
    }

    /** Whether the input was an {@code nginx -T} dump. */
    public boolean isDump() {
        return dump;
    }

    /** Every file read, main file first, in the order nginx reads them. */
    public List<String> files() {
        return files;
    }

    /** The main context's directives; {@code include}s are expanded in place. */
    public List<Directive> directives() {
        return directives;
    }

    public Optional<Directive> http() {
        return directives.stream().filter(d -> d.is("http")).findFirst();
    }

    /** The predefined {@code combined} first, then the http {@code log_format}s in order. */
    public List<LogFormat> logFormats() {
        return List.copyOf(logFormats.values());
    }

    public Optional<LogFormat> logFormat(String name) {
        return Optional.ofNullable(logFormats.get(name));
    }

    /** Every {@code access_log} of the http context (http, server, location, if, limit_except). */
    public List<AccessLog> accessLogs() {
        return accessLogs;
    }

    /** Every {@code error_log}, of any context, in order. */
    public List<ErrorLog> errorLogs() {
        return errorLogs;
    }

    /** The http {@code server} blocks, in configuration order. */
    public List<ServerBlock> servers() {
        return servers;
    }

    public List<Upstream> upstreams() {
        return upstreams;
    }

    /** The upstream block of this name (nginx compares names case-insensitively). */
    public Optional<Upstream> upstream(String name) {
        return upstreams.stream().filter(u -> u.name().equalsIgnoreCase(name)).findFirst();
    }

    public List<MapBlock> maps() {
        return maps;
    }

    /** The {@code map} that defines {@code variable} (with or without the {@code $}). */
    public Optional<MapBlock> map(String variable) {
        String v = variable.startsWith("$") ? variable : "$" + variable;
        return maps.stream().filter(m -> m.target().equals(v)).findFirst();
    }

    /**
     * The value a map gives for an input, as nginx computes it: strings compare ignoring case,
     * then regexes in order, else the default. With {@code hostnames}, wildcard keys are compared
     * as exact strings (not evaluated). Capture references in values are returned unexpanded.
     */
    public String mapValue(MapBlock map, String input) {
        String in = input.toLowerCase(Locale.ROOT);
        for (MapEntry e : map.entries()) {
            if (!e.isRegex() && e.literal().toLowerCase(Locale.ROOT).equals(in)) return e.value();
        }
        for (MapEntry e : map.entries()) {
            if (e.isRegex() && regex.get(e.regex(), e.regexCaseless()).matcher(input).find()) return e.value();
        }
        return map.defaultValue();
    }

    /**
     * The server nginx picks for a request to {@code port} with this Host, whatever local address
     * the connection arrived on: all servers listening on the port compete, and without a name
     * match the first with {@code default_server} on that port (else the first) is chosen.
     */
    public Optional<ServerBlock> selectServer(int port, String host) {
        return serverSelector.select(Optional.empty(), port, host);
    }

    /** The server nginx picks for a connection to {@code localAddress:port} with this Host. */
    public Optional<ServerBlock> selectServer(String localAddress, int port, String host) {
        return serverSelector.select(Optional.of(localAddress), port, host);
    }

    /** The location whose configuration handles {@code uri} (a path without query string). */
    public Optional<Location> selectLocation(ServerBlock server, String uri) {
        return matchLocation(server, uri).location();
    }

    /** Like {@link #selectLocation}, telling also how the location was found. */
    public LocationMatch matchLocation(ServerBlock server, String uri) {
        return locationSelector.match(server, uri);
    }

    /** The directive in effect at {@code context}, following nginx's inheritance (see package doc). */
    public Optional<Directive> effective(String name, ConfigContext context) {
        return inheritance.effective(name, context.scope());
    }

    /**
     * All directives of an array-like name in effect at {@code context}: those of the innermost
     * level that sets at least one, e.g. every {@code proxy_set_header} that nginx sends upstream.
     */
    public List<Directive> effectiveAll(String name, ConfigContext context) {
        return inheritance.effectiveAll(name, context.scope());
    }

    /**
     * The access logs requests handled at {@code context} are written to. A single
     * {@code access_log off} entry means none; an empty list means nginx's compiled-in default
     * ({@code logs/access.log combined}, e.g. /var/log/nginx/access.log on Debian).
     */
    public List<AccessLog> accessLogsFor(ConfigContext context) {
        Optional<Inheritance.Level> level = inheritance.winningLevel("access_log", context.scope());
        if (level.isEmpty()) return List.of();
        List<AccessLog> out = new ArrayList<>();
        for (Directive d : level.get().directives()) {
            if (!d.is("access_log") || d.args().isEmpty()) continue;
            AccessLog a = AccessLog.of(d, level.get().scope());
            if (a.isOff()) return List.of(a);
            out.add(a);
        }
        return List.copyOf(out);
    }

    /** The upstream block a {@code proxy_pass} URL names, e.g. {@code http://websocket_backend}. */
    public Optional<Upstream> resolveUpstream(String proxyPassUrl) {
        return ProxyTarget.parse(proxyPassUrl).upstreamName().flatMap(this::upstream);
    }

    @Override
    public String toString() {
        return "NginxConfig[" + source + (dump ? " (nginx -T dump)" : "") + ", " + files.size() + " files, "
                + servers.size() + " servers]";
    }
}
