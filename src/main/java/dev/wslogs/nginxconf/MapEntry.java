package dev.wslogs.nginxconf;

import java.util.Objects;

/**
 * One {@code key value;} line of a {@code map}. {@code key} is as the tokenizer returned it: quotes
 * removed ({@code ''} is the empty key), a {@code ~} or {@code ~*} prefix for regexes, and a leading
 * backslash kept ({@code \default} is the literal string "default").
 */
public record MapEntry(String key, String value, SourceRef where) {

    public MapEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(where, "where");
    }

    public boolean isRegex() {
        return key.startsWith("~");
    }

    /** The regex source for a {@code ~}/{@code ~*} key; empty string otherwise. */
    public String regex() {
        if (key.startsWith("~*")) return key.substring(2);
        return key.startsWith("~") ? key.substring(1) : "";
    }

    public boolean regexCaseless() {
        return key.startsWith("~*");
    }

    /** The string a non-regex key matches: the key without the escaping backslash. */
    public String literal() {
        return key.startsWith("\\") ? key.substring(1) : key;
    }
}
