package dev.wslogs.nginxconf;

import java.util.Locale;
import java.util.Objects;

/**
 * One name of a {@code server_name}, classified the way nginx's server-name hashes do.
 *
 * <ul>
 *   <li>{@code EXACT}: {@code example.com}, also {@code ""} (requests without Host) and {@code _}.
 *   <li>{@code WILDCARD_START}: {@code *.example.com}, and {@code .example.com}, which matches
 *       {@code example.com} itself as well.
 *   <li>{@code WILDCARD_END}: {@code www.example.*}.
 *   <li>{@code REGEX}: {@code ~^ws\d+\.example\.com$}; case-insensitive if, and only if, the pattern
 *       contains an upper-case letter (nginx's own rule).
 * </ul>
 * A {@code *} anywhere else makes nginx refuse the configuration; such a name is kept as EXACT and
 * never matches a real host.
 */
public record ServerName(String name, Kind kind) {

    public enum Kind { EXACT, WILDCARD_START, WILDCARD_END, REGEX }

    public ServerName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static ServerName of(String raw) {
        if (raw.startsWith("~")) return new ServerName(raw, Kind.REGEX);
        if (raw.startsWith("*.") || (raw.startsWith(".") && raw.length() > 1)) {
            return new ServerName(raw, Kind.WILDCARD_START);
        }
        if (raw.endsWith(".*")) return new ServerName(raw, Kind.WILDCARD_END);
        return new ServerName(raw, Kind.EXACT);
    }

    /** The regex source without its {@code ~}; empty string for other kinds. */
    public String regex() {
        return kind == Kind.REGEX ? name.substring(1) : "";
    }

    /** nginx compiles a server-name regex caselessly only when it contains an upper-case letter. */
    boolean regexCaseless() {
        return regex().chars().anyMatch(c -> c >= 'A' && c <= 'Z');
    }

    /**
     * For a wildcard, how many characters of {@code host} it fixes (the longer, the more specific);
     * -1 when it does not match. {@code host} must be lower case without port or trailing dot.
     */
    int wildcardMatch(String host) {
        String n = name.toLowerCase(Locale.ROOT);
        if (kind == Kind.WILDCARD_START) {
            String suffix = n.startsWith("*.") ? n.substring(2) : n.substring(1);
            if (n.startsWith(".") && host.equals(suffix)) return suffix.length();
            return host.endsWith("." + suffix) && host.length() > suffix.length() + 1 ? suffix.length() : -1;
        }
        if (kind == Kind.WILDCARD_END) {
            String prefix = n.substring(0, n.length() - 2);
            return host.startsWith(prefix + ".") && host.length() > prefix.length() + 1 ? prefix.length() : -1;
        }
        return -1;
    }

    boolean matchesExactly(String host) {
        return kind == Kind.EXACT && name.toLowerCase(Locale.ROOT).equals(host);
    }

    @Override
    public String toString() {
        return name;
    }
}
