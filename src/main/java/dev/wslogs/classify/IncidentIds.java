package dev.wslogs.classify;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Incident ids from the content of the primary log line (never random, never the file name), so
 * analyze and the daemon, a replay and a restart, any file order, give the same id. Identical lines
 * (same second, client, request and outcome) get {@code -2}, {@code -3}… in order of appearance;
 * the memory of recent ids is bounded.
 */
public final class IncidentIds {
    private static final int REMEMBER = 100_000;
    private final Map<String, Integer> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> e) {
            return size() > REMEMBER;
        }
    };

    public String next(String key) {
        String base = hash(key);
        Integer n = recent.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }

    /** 64-bit FNV-1a of the UTF-8 bytes, as 16 hex digits. */
    static String hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0000000000000000".substring(hex.length()) + hex;
    }
}
