package dev.wslogs.nginxconf;

/** How a {@code location} matches, by the modifier written before its pattern. */
public enum LocationModifier {
    /** {@code location /ws}: prefix. */
    PREFIX(""),
    /** {@code location = /ws}: the whole URI; wins immediately. */
    EXACT("="),
    /** {@code location ^~ /ws}: prefix that, when it is the longest, stops regex checks. */
    PREFIX_NO_REGEX("^~"),
    /** {@code location ~ re}: case-sensitive regex. */
    REGEX("~"),
    /** {@code location ~* re}: case-insensitive regex. */
    REGEX_CASELESS("~*"),
    /** {@code location @name}: only reachable by internal redirects, never by URI. */
    NAMED("@");

    private final String symbol;

    LocationModifier(String symbol) {
        this.symbol = symbol;
    }

    /** The modifier as written in the configuration ({@code ""} for a plain prefix). */
    public String symbol() {
        return symbol;
    }

    public boolean isRegex() {
        return this == REGEX || this == REGEX_CASELESS;
    }

    public boolean isPrefix() {
        return this == PREFIX || this == PREFIX_NO_REGEX;
    }
}
