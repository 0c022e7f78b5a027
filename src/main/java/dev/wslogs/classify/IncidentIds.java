package dev.wslogs.classify;

import java.nio.charset.StandardCharsets;

/**
 * Incident ids from the content of the primary log line (never random, never the file name), so
 * analyze and the daemon, a replay and a restart, any file order, give the same id. Identical lines
 * (same second, client, request and outcome) get {@code -2}, {@code -3}… in order of appearance;
 * the memory of recent ids is bounded.
 */
public final class IncidentIds {
    private static final int REMEMBER = 100_000;
    /** How many times each recent base id (its 64-bit hash) was given, the oldest forgotten first. */
    private final RecentCounts recent = new RecentCounts(REMEMBER);

    public String next(String key) {
        return nextOfBase(hashBits(key));
    }

    /**
     * {@link #next} of the key {@code "A|" + time + "|" + client + "|" + request + "|" + status + "|"
     * + connection + "|" + pid + "|" + duration} (an access line's), hashed part by part instead of
     * concatenated first: one per incident, and the key is most of a line long.
     */
    public String nextOfAccess(long time, String client, String request, int status, String connection, String pid, long duration) {
        // ASCII characters are their own UTF-8 bytes, so the hash is taken as the characters come;
        // a character beyond ASCII (rare: nginx escapes them in the access log) starts over on the key
        nonAscii = false;
        long h = number(ascii(OFFSET, "A|"), time);
        h = ascii(ascii(ascii(ascii(h, "|"), client), "|"), request);
        h = number(ascii(h, "|"), status);
        h = ascii(ascii(ascii(ascii(h, "|"), connection), "|"), pid);
        h = number(ascii(h, "|"), duration);
        if (nonAscii) return next("A|" + time + "|" + client + "|" + request + "|" + status + "|" + connection + "|" + pid + "|" + duration);
        return nextOfBase(h);
    }

    /** Set by {@link #ascii} when it met a character beyond ASCII (its hash is then not the key's). */
    private boolean nonAscii;

    private String nextOfBase(long h) {
        String base = hex(h);
        int n = recent.increment(h);
        return n == 1 ? base : base + "-" + n;
    }

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    /** The FNV-1a step over {@code s}'s characters, which are its UTF-8 bytes if it is ASCII ({@link #nonAscii} tells). */
    private long ascii(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) nonAscii = true;
            h ^= c;
            h *= PRIME;
        }
        return h;
    }

    /** The FNV-1a step over {@code Long.toString(v)}'s characters. */
    private long number(long h, long v) {
        if (v < 0) return ascii(h, Long.toString(v));
        long div = 1;
        while (div <= v / 10) div *= 10;
        for (; div > 0; div /= 10) {
            h ^= '0' + (v / div) % 10;
            h *= PRIME;
        }
        return h;
    }

    /** 64-bit FNV-1a of the UTF-8 bytes, as 16 hex digits. */
    static String hash(String key) {
        return hex(hashBits(key));
    }

    private static long hashBits(String key) {
        long h = OFFSET;
        int n = key.length();
        int i = 0;
        while (i < n) { // ASCII characters are their own UTF-8 bytes: no encoding pass for the usual key
            char c = key.charAt(i);
            if (c >= 0x80) break;
            h ^= c;
            h *= PRIME;
            i++;
        }
        if (i < n) {
            for (byte b : key.substring(i).getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= PRIME;
            }
        }
        return h;
    }

    private static String hex(long h) {
        char[] hex = new char[16];
        for (int k = 15; k >= 0; k--) {
            hex[k] = HEX[(int) (h & 0xf)];
            h >>>= 4;
        }
        return new String(hex);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Counts by 64-bit key, remembering the {@code capacity} most recently added keys (insertion
     * order, as a LinkedHashMap with removeEldestEntry: counting a known key does not refresh it).
     * Open addressing on primitives with backward-shift deletion, and a ring of keys in the order
     * added: no entry objects, one probe run per incident.
     */
    public static final class RecentCounts {
        private final long[] order;
        private int oldest;
        private int size;
        private final long[] keys;
        private final int[] counts; // 0: free slot
        private final int mask;

        public RecentCounts(int capacity) {
            order = new long[capacity];
            int slots = Integer.highestOneBit(capacity * 2 - 1) << 1; // load factor at most 1/2
            keys = new long[slots];
            counts = new int[slots];
            mask = slots - 1;
        }

        /** Counts {@code key} once more; its count now. */
        public int increment(long key) {
            int i = slot(key);
            while (counts[i] != 0) {
                if (keys[i] == key) return ++counts[i];
                i = (i + 1) & mask;
            }
            keys[i] = key;
            counts[i] = 1;
            if (size == order.length) {
                remove(order[oldest]);
                order[oldest] = key;
                oldest = (oldest + 1) % order.length;
            } else {
                order[(oldest + size) % order.length] = key;
                size++;
            }
            return 1;
        }

        /** How many keys are remembered. */
        public int size() {
            return size;
        }

        private void remove(long key) {
            int i = slot(key);
            while (keys[i] != key || counts[i] == 0) i = (i + 1) & mask;
            counts[i] = 0;
            int j = i;
            while (true) { // shift later members of the probe run back into the hole
                j = (j + 1) & mask;
                if (counts[j] == 0) return;
                int home = slot(keys[j]);
                boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
                if (stays) continue;
                keys[i] = keys[j];
                counts[i] = counts[j];
                counts[j] = 0;
                i = j;
            }
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }
}
