package dev.wslogs.parse;

import java.util.Locale;

/** nginx's {@code log_format … escape=} modes (ngx_http_log_module.c). */
public enum Escape {
    DEFAULT, JSON, NONE;

    public static Escape parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "default" -> DEFAULT;
            case "json" -> JSON;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("unknown escape mode: " + s + " (expected default, json or none)");
        };
    }
}
