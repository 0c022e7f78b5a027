package dev.wslogs.nginxconf;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The parts of a {@code proxy_pass} (or {@code grpc_pass}, {@code uwsgi_pass}, ...) URL:
 * {@code http://websocket_backend/ws/} has scheme {@code http}, host {@code websocket_backend}, no
 * port and uri {@code /ws/}.
 *
 * @param scheme        {@code http}, {@code https}, ... or {@code ""} when the URL has none
 * @param host          the host as written, {@code unix:/path} for a unix socket, {@code [v6]} in
 *                      brackets; {@code ""} when the host comes from a variable
 * @param uri           from the first {@code /} after the host, {@code ""} when absent
 * @param hasVariables  the URL contains {@code $}: nginx builds the address per request
 */
public record ProxyTarget(String scheme, String host, OptionalInt port, String uri, boolean hasVariables) {

    /** Variables that always start with "/", so {@code http://backend$request_uri} names host "backend". */
    private static final Set<String> PATH_VARIABLES = Set.of("request_uri", "uri", "document_uri");

    public ProxyTarget {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(uri, "uri");
    }

    public static ProxyTarget parse(String url) {
        boolean vars = url.indexOf('$') >= 0;
        int sep = url.indexOf("://");
        String scheme = sep > 0 ? url.substring(0, sep) : "";
        String rest = sep > 0 ? url.substring(sep + 3) : url;
        if (rest.startsWith("unix:")) {
            int colon = rest.indexOf(':', 5);
            String host = colon >= 0 ? rest.substring(0, colon) : rest;
            String uri = colon >= 0 ? rest.substring(colon + 1) : "";
            return new ProxyTarget(scheme, host, OptionalInt.empty(), uri, vars);
        }
        int end = endOfAuthority(rest);
        String authority = rest.substring(0, end);
        String uri = rest.substring(end);
        String host = authority;
        OptionalInt port = OptionalInt.empty();
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && colon > authority.lastIndexOf(']')) {
            host = authority.substring(0, colon);
            String p = authority.substring(colon + 1);
            if (p.matches("\\d{1,5}")) port = OptionalInt.of(Integer.parseInt(p));
        }
        if (host.indexOf('$') >= 0) host = "";
        return new ProxyTarget(scheme, host, port, uri, vars);
    }

    /** Where the host part ends: at "/", "?", or a variable known to be a path. */
    private static int endOfAuthority(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?') return i;
            if (c == '$' && PATH_VARIABLES.contains(variableName(rest, i + 1))) return i;
        }
        return rest.length();
    }

    private static String variableName(String s, int from) {
        int i = from;
        boolean braced = i < s.length() && s.charAt(i) == '{';
        if (braced) i++;
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        return s.substring(start, i);
    }

    public boolean isUnixSocket() {
        return host.startsWith("unix:");
    }

    /**
     * The name of the {@code upstream} block this URL can refer to: the host, when it is written
     * literally without a port (nginx rejects a port on an upstream name).
     */
    public Optional<String> upstreamName() {
        if (host.isEmpty() || isUnixSocket() || port.isPresent()) return Optional.empty();
        return Optional.of(host);
    }
}
