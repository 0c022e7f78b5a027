package dev.wslogs.nginxconf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An http {@code server} block.
 *
 * @param scope          {@code [http, server]}
 * @param listens        the {@code listen} directives as written (none when the server has none)
 * @param names          every name of every {@code server_name}, in order; empty means nginx's
 *                       default, the empty name {@code ""}
 * @param locations      the server's top-level locations, in configuration order (named ones too)
 * @param sslCertificate the {@code ssl_certificate} in effect: the server's own, else the one
 *                       inherited from {@code http}
 */
public record ServerBlock(Directive directive, Scope scope, List<Listen> listens, List<ServerName> names,
                          List<Location> locations, Optional<Directive> sslCertificate) implements ConfigContext {

    public ServerBlock {
        Objects.requireNonNull(directive, "directive");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(sslCertificate, "sslCertificate");
        listens = List.copyOf(listens);
        names = List.copyOf(names);
        locations = List.copyOf(locations);
    }

    public SourceRef where() {
        return directive.where();
    }

    /** The addresses nginx actually binds for this server: {@code *:80} when there is no listen. */
    public List<Listen> effectiveListens() {
        return listens.isEmpty() ? List.of(Listen.implicitDefault(directive.where())) : listens;
    }

    /** The name nginx reports as {@code $server_name}: the first one, or {@code ""}. */
    public String primaryName() {
        return names.isEmpty() ? "" : names.get(0).name();
    }

    /** Whether any listen has {@code ssl}. */
    public boolean listensWithSsl() {
        return listens.stream().anyMatch(Listen::ssl);
    }

    /** All locations, nested ones included, depth first in configuration order. */
    public List<Location> allLocations() {
        return locations.stream().flatMap(l -> l.selfAndDescendants().stream()).toList();
    }

    @Override
    public String toString() {
        String n = names.stream().map(ServerName::name).collect(Collectors.joining(" "));
        return "server " + n + " " + effectiveListens() + " @" + directive.where();
    }
}
