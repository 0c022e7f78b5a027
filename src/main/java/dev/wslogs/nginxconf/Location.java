package dev.wslogs.nginxconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code location} block. {@code pattern} is the prefix, exact URI or regex without its modifier
 * (for a named location, the whole {@code @name}). {@code if} and {@code limit_except} blocks stay
 * in {@link #directive()}'s children; {@code locations} are the nested locations, in order.
 *
 * @param scope {@code [http, server, (parent locations...), this location]}
 */
public record Location(LocationModifier modifier, String pattern, Directive directive, Scope scope,
                       List<Location> locations) implements ConfigContext {

    /** Handlers that make nginx redirect {@code /ws} to {@code /ws/} for {@code location /ws/}. */
    private static final Set<String> PASS_HANDLERS = Set.of(
            "proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass", "memcached_pass", "grpc_pass");

    public Location {
        Objects.requireNonNull(modifier, "modifier");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(directive, "directive");
        Objects.requireNonNull(scope, "scope");
        locations = List.copyOf(locations);
    }

    /** Splits {@code location} arguments the way {@code ngx_http_core_location()} does. */
    static Location parse(Directive d, Scope scope, List<Location> nested) throws NginxConfException {
        List<String> a = d.args();
        if (a.size() == 2) {
            for (LocationModifier m : LocationModifier.values()) {
                if (m != LocationModifier.PREFIX && m != LocationModifier.NAMED && m.symbol().equals(a.get(0))) {
                    return new Location(m, a.get(1), d, scope, nested);
                }
            }
            throw new NginxConfException(d.where(), a.get(0), "invalid location modifier \"" + a.get(0) + "\"");
        }
        String n = a.get(0);
        if (n.startsWith("=")) return new Location(LocationModifier.EXACT, n.substring(1), d, scope, nested);
        if (n.startsWith("^~")) return new Location(LocationModifier.PREFIX_NO_REGEX, n.substring(2), d, scope, nested);
        if (n.startsWith("~*")) return new Location(LocationModifier.REGEX_CASELESS, n.substring(2), d, scope, nested);
        if (n.startsWith("~")) return new Location(LocationModifier.REGEX, n.substring(1), d, scope, nested);
        if (n.startsWith("@")) return new Location(LocationModifier.NAMED, n, d, scope, nested);
        return new Location(LocationModifier.PREFIX, n, d, scope, nested);
    }

    public SourceRef where() {
        return directive.where();
    }

    public boolean isRegex() {
        return modifier.isRegex();
    }

    public boolean isNamed() {
        return modifier == LocationModifier.NAMED;
    }

    /**
     * nginx answers {@code /ws} with a 301 to {@code /ws/} when the best static match is this
     * location: its name ends in {@code /} and it has its own {@code proxy_pass} (or another
     * {@code *_pass}). A WebSocket client does not follow that redirect.
     */
    public boolean autoRedirect() {
        return pattern.endsWith("/") && !isRegex() && !isNamed()
                && directive.children().stream().anyMatch(c -> PASS_HANDLERS.contains(c.name()));
    }

    /** This location followed by all its nested locations, depth first. */
    public List<Location> selfAndDescendants() {
        List<Location> out = new ArrayList<>();
        out.add(this);
        for (Location l : locations) out.addAll(l.selfAndDescendants());
        return out;
    }

    /** {@code location ~* \.php$} as written (modifier and pattern). */
    public String label() {
        return modifier.symbol().isEmpty() || isNamed() ? "location " + pattern
                : "location " + modifier.symbol() + " " + pattern;
    }

    @Override
    public String toString() {
        return label() + " @" + directive.where();
    }
}
