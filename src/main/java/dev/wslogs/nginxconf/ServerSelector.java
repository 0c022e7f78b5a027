package dev.wslogs.nginxconf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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

    private record Regex(Pattern pattern, ServerBlock server) {}

    /**
     * The servers of one address:port, names indexed as nginx hashes them: exact names (with
     * {@code .example.com} also under {@code example.com}, after real exact names), and wildcards
     * by their fixed part ({@code *.example.com} and {@code .example.com} under
     * {@code example.com}, {@code mail.*} under {@code mail}).
     */
    private record Index(List<Candidate> candidates, Map<String, ServerBlock> exact, Map<String, ServerBlock> bareDomains,
                         Map<String, ServerBlock> starts, Map<String, ServerBlock> ends, List<Regex> regexes) {}

    private final List<ServerBlock> servers;
    private final NginxRegex regex;
    private final Map<Integer, Index> byPort = new HashMap<>();

    ServerSelector(List<ServerBlock> servers, NginxRegex regex) {
        this.servers = servers;
        this.regex = regex;
        for (ServerBlock s : servers) {
            for (Listen l : s.effectiveListens()) {
                if (!l.isUnixSocket()) byPort.computeIfAbsent(l.port(), p -> index(listeningOn(null, p)));
            }
        }
    }

    /**
     * @param address the local address the connection arrived on ({@code $server_addr}); when
     *                empty, every server listening on {@code port} is a candidate and the default
     *                is the first with {@code default_server} on that port
     */
    Optional<ServerBlock> select(Optional<String> address, int port, String host) {
        Index index = address.isEmpty() ? byPort.get(port) : index(candidates(address.get(), port));
        if (index == null || index.candidates().isEmpty()) return Optional.empty();
        Optional<ServerBlock> byName = byName(index, normalizeHost(host));
        if (byName.isPresent()) return byName;
        for (Candidate c : index.candidates()) {
            if (c.isDefault()) return Optional.of(c.server());
        }
        return Optional.of(index.candidates().get(0).server());
    }

    private List<Candidate> candidates(String address, int port) {
        String a = Listen.normalizeAddress(address);
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

    /** Indexes names in configuration order; on conflicts the first server keeps the name. */
    private Index index(List<Candidate> candidates) {
        Map<String, ServerBlock> exact = new HashMap<>();
        Map<String, ServerBlock> bareDomains = new HashMap<>();
        Map<String, ServerBlock> starts = new HashMap<>();
        Map<String, ServerBlock> ends = new HashMap<>();
        List<Regex> regexes = new ArrayList<>();
        for (Candidate c : candidates) {
            ServerBlock s = c.server();
            if (s.names().isEmpty()) exact.putIfAbsent("", s);
            for (ServerName n : s.names()) {
                switch (n.kind()) {
                    case EXACT -> exact.putIfAbsent(n.name().toLowerCase(Locale.ROOT), s);
                    case WILDCARD_START -> {
                        starts.putIfAbsent(n.wildcardFixedPart(), s);
                        if (n.matchesBareDomain()) bareDomains.putIfAbsent(n.wildcardFixedPart(), s);
                    }
                    case WILDCARD_END -> ends.putIfAbsent(n.wildcardFixedPart(), s);
                    case REGEX -> regexes.add(new Regex(regex.get(n.regex(), n.regexCaseless()), s));
                }
            }
        }
        return new Index(candidates, exact, bareDomains, starts, ends, regexes);
    }

    private static Optional<ServerBlock> byName(Index index, String host) {
        ServerBlock exact = index.exact().get(host);
        if (exact != null) return Optional.of(exact);
        if (host.isEmpty()) return Optional.empty();
        Optional<ServerBlock> wildcard = longestStartWildcard(index, host);
        if (wildcard.isPresent()) return wildcard;
        wildcard = longestEndWildcard(index, host);
        if (wildcard.isPresent()) return wildcard;
        for (Regex r : index.regexes()) {
            if (r.pattern().matcher(host).find()) return Optional.of(r.server());
        }
        return Optional.empty();
    }

    /** The wildcard with the longest fixed suffix: try the whole host (".x"), then each shorter suffix. */
    private static Optional<ServerBlock> longestStartWildcard(Index index, String host) {
        ServerBlock bare = index.bareDomains().get(host);
        if (bare != null) return Optional.of(bare);
        for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
            ServerBlock s = index.starts().get(host.substring(dot + 1));
            if (s != null) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The wildcard with the longest fixed prefix that leaves at least one label for the "*". */
    private static Optional<ServerBlock> longestEndWildcard(Index index, String host) {
        for (int dot = host.lastIndexOf('.'); dot > 0; dot = host.lastIndexOf('.', dot - 1)) {
            if (dot == host.length() - 1) continue;
            ServerBlock s = index.ends().get(host.substring(0, dot));
            if (s != null) return Optional.of(s);
        }
        return Optional.empty();
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
