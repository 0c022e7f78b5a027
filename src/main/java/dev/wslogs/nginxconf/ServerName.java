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
     * The fixed part of a wildcard, lower-cased: {@code example.com} for {@code *.example.com} and
     * {@code .example.com}, {@code mail} for {@code mail.*}; empty string for other kinds.
     */
    String wildcardFixedPart() {
        String n = lowerCase();
        return switch (kind) {
            case WILDCARD_START -> n.startsWith("*.") ? n.substring(2) : n.substring(1);
            case WILDCARD_END -> n.substring(0, n.length() - 2);
            default -> "";
        };
    }

    /** {@code .example.com} also matches {@code example.com} itself. */
    boolean matchesBareDomain() {
        return kind == Kind.WILDCARD_START && name.startsWith(".");
    }

    private String lowerCase() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name;
    }
}
