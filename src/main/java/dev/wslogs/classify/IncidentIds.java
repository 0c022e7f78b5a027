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
        int n = key.length();
        int i = 0;
        while (i < n) { // ASCII characters are their own UTF-8 bytes: no encoding pass for the usual key
            char c = key.charAt(i);
            if (c >= 0x80) break;
            h ^= c;
            h *= 0x100000001b3L;
            i++;
        }
        if (i < n) {
            for (byte b : key.substring(i).getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
        }
        char[] hex = new char[16];
        for (int k = 15; k >= 0; k--) {
            hex[k] = HEX[(int) (h & 0xf)];
            h >>>= 4;
        }
        return new String(hex);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
