package dev.wslogs.nginxconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * nginx's choice of virtual server for a connection and Host ({@code ngx_http_find_virtual_server}):
 *
 * <ol>
 *   <li>the servers listening on the connection's address and port: those whose listen names that
 *       exact address, or, when none does, those on the wildcard address of the same family;
 *   <li>among them, by Host (lower-cased, port and one trailing dot removed): an exact name; else
 *       the longest {@code *.}-wildcard; else the longest {@code .*}-wildcard; else the first
 *       matching regex in configuration order (not tried for an empty Host);
 *   <li>else the server with {@code default_server} on that address:port, else the first server
 *       listening there.
 * </ol>
 * When names conflict, the first server in configuration order keeps the name, as nginx does.
 */
final class ServerSelector {

    private record Candidate(ServerBlock server, boolean isDefault) {}

    private final List<ServerBlock> servers;
    private final NginxRegex regex;

    ServerSelector(List<ServerBlock> servers, NginxRegex regex) {
        this.servers = servers;
        this.regex = regex;
    }

    /**
     * @param address the local address the connection arrived on ({@code $server_addr}); when
     *                empty, every server listening on {@code port} is a candidate and the default
     *                is the first with {@code default_server} on that port
     */
    Optional<ServerBlock> select(Optional<String> address, int port, String host) {
        List<Candidate> candidates = candidates(address, port);
        if (candidates.isEmpty()) return Optional.empty();
        String h = normalizeHost(host);
        Optional<ServerBlock> byName = byName(candidates, h);
        if (byName.isPresent()) return byName;
        for (Candidate c : candidates) {
            if (c.isDefault()) return Optional.of(c.server());
        }
        return Optional.of(candidates.get(0).server());
    }

    private List<Candidate> candidates(Optional<String> address, int port) {
        if (address.isEmpty()) return listeningOn(null, port);
        String a = Listen.normalizeAddress(address.get());
        List<Candidate> exact = listeningOn(a, port);
        if (!exact.isEmpty()) return exact;
        return listeningOn(a.startsWith("[") ? Listen.WILDCARD_V6 : Listen.WILDCARD, port);
    }

    /** Servers with a listen on {@code address:port} ({@code address} null: any address). */
    private List<Candidate> listeningOn(String address, int port) {
        List<Candidate> out = new ArrayList<>();
        for (ServerBlock s : servers) {
            boolean listens = false;
            boolean isDefault = false;
            for (Listen l : s.effectiveListens()) {
                if (l.isUnixSocket() || l.port() != port) continue;
                if (address != null && !l.address().equals(address)) continue;
                listens = true;
                isDefault |= l.defaultServer();
            }
            if (listens) out.add(new Candidate(s, isDefault));
        }
        return out;
    }

    private Optional<ServerBlock> byName(List<Candidate> candidates, String host) {
        for (Candidate c : candidates) {
            if (c.server().names().isEmpty() && host.isEmpty()) return Optional.of(c.server());
            for (ServerName n : c.server().names()) {
                if (n.matchesExactly(host)) return Optional.of(c.server());
            }
        }
        if (host.isEmpty()) return Optional.empty();
        Optional<ServerBlock> wildcard = longestWildcard(candidates, host, ServerName.Kind.WILDCARD_START);
        if (wildcard.isPresent()) return wildcard;
        wildcard = longestWildcard(candidates, host, ServerName.Kind.WILDCARD_END);
        if (wildcard.isPresent()) return wildcard;
        for (Candidate c : candidates) {
            for (ServerName n : c.server().names()) {
                if (n.kind() == ServerName.Kind.REGEX
                        && regex.get(n.regex(), n.regexCaseless()).matcher(host).find()) {
                    return Optional.of(c.server());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ServerBlock> longestWildcard(List<Candidate> candidates, String host, ServerName.Kind kind) {
        ServerBlock best = null;
        int bestLength = -1;
        for (Candidate c : candidates) {
            for (ServerName n : c.server().names()) {
                if (n.kind() != kind) continue;
                int len = n.wildcardMatch(host);
                if (len > bestLength) {
                    best = c.server();
                    bestLength = len;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code ngx_http_validate_host}: lower case, no port, no trailing dot. */
    static String normalizeHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? h : h.substring(0, close + 1);
        }
        int colon = h.indexOf(':');
        if (colon >= 0) h = h.substring(0, colon);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
