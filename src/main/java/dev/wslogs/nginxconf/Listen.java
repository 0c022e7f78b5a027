package dev.wslogs.nginxconf;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code listen} of a server. {@code address} is {@code "*"} for the IPv4 wildcard (written
 * {@code *}, {@code 0.0.0.0} or omitted), {@code "[::]"} for the IPv6 wildcard, a lower-cased literal
 * otherwise ({@code 127.0.0.1}, {@code [::1]}, a host name), or {@code unix:/path} with port 0.
 *
 * @param params every parameter after the address, as written ({@code ssl}, {@code backlog=511})
 */
public record Listen(String address, int port, boolean ssl, boolean defaultServer, boolean http2,
                     List<String> params, SourceRef where) {

    public static final String WILDCARD = "*";
    public static final String WILDCARD_V6 = "[::]";

    public Listen {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(where, "where");
        params = List.copyOf(params);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }

    /** What nginx listens on when a server has no {@code listen}: {@code *:80} (master running as root). */
    static Listen implicitDefault(SourceRef server) {
        return new Listen(WILDCARD, 80, false, false, false, List.of(), server);
    }

    static Listen parse(Directive d) throws NginxConfException {
        String spec = d.args().get(0);
        List<String> params = d.args().subList(1, d.args().size());
        boolean ssl = params.contains("ssl");
        boolean def = params.contains("default_server") || params.contains("default");
        boolean h2 = params.contains("http2");
        if (spec.startsWith("unix:")) {
            return new Listen(spec, 0, ssl, def, h2, params, d.where());
        }
        String host;
        String port;
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0) throw invalid(d, "invalid IPv6 address in \"" + spec + "\"");
            host = spec.substring(0, close + 1);
            String rest = spec.substring(close + 1);
            port = rest.startsWith(":") ? rest.substring(1) : rest.isEmpty() ? "80" : null;
        } else if (spec.chars().allMatch(Character::isDigit)) {
            host = WILDCARD;
            port = spec;
        } else {
            int colon = spec.lastIndexOf(':');
            host = colon >= 0 ? spec.substring(0, colon) : spec;
            port = colon >= 0 ? spec.substring(colon + 1) : "80";
        }
        int p = parsePort(port);
        if (p < 1) throw invalid(d, "invalid port in \"" + spec + "\" of the \"listen\" directive");
        return new Listen(normalizeAddress(host), p, ssl, def, h2, params, d.where());
    }

    /** The form addresses are compared in: wildcards unified, lower case, IPv6 in brackets. */
    static String normalizeAddress(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("*") || h.equals("0.0.0.0") || h.isEmpty()) return WILDCARD;
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) h = "[" + h + "]";
        if (h.equals("[::]") || h.equals("[0:0:0:0:0:0:0:0]")) return WILDCARD_V6;
        return h;
    }

    public boolean isWildcard() {
        return address.equals(WILDCARD) || address.equals(WILDCARD_V6);
    }

    public boolean isUnixSocket() {
        return address.startsWith("unix:");
    }

    public boolean isIpv6() {
        return address.startsWith("[");
    }

    private static int parsePort(String s) {
        if (s == null || s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) return -1;
        int p = Integer.parseInt(s);
        return p <= 65535 ? p : -1;
    }

    private static NginxConfException invalid(Directive d, String problem) {
        return new NginxConfException(d.where(), d.args().get(0), problem);
    }

    @Override
    public String toString() {
        return (isUnixSocket() ? address : address + ":" + port) + (params.isEmpty() ? "" : " " + String.join(" ", params));
    }
}
