package dev.wslogs.correlate;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Field;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether an access line is WebSocket traffic, and says why. WebSocket paths are learned
 * from 101s as they are seen (bounded), given by the user ({@code --ws-path}), or well known.
 */
public final class AttemptClassifier {
    private static final int MAX_LEARNED_PATHS = 10_000;
    private static final List<String> WELL_KNOWN = List.of(
            "/ws", "/wss", "/websocket", "/websockets", "/socket", "/socket.io/", "/engine.io/", "/sockjs/",
            "/cable", "/hub", "/signalr", "/graphql-ws", "/subscriptions", "/live", "/realtime");

    private static final Set<String> WELL_KNOWN_SEGMENTS = Set.of("ws", "wss", "websocket", "websockets", "socket.io", "engine.io",
            "sockjs", "cable", "signalr", "graphql-ws", "realtime");

    private static final byte[][] WELL_KNOWN_EXACT = WELL_KNOWN.stream().map(AttemptClassifier::ascii).toArray(byte[][]::new);
    private static final byte[][] WELL_KNOWN_PREFIX = WELL_KNOWN.stream().map(p -> ascii(p.endsWith("/") ? p : p + "/"))
            .toArray(byte[][]::new);
    private static final byte[][] SEGMENTS = WELL_KNOWN_SEGMENTS.stream().map(AttemptClassifier::ascii).toArray(byte[][]::new);
    private static final byte[][] TARGET_HINTS = {ascii("transport="), ascii("/xhr"), ascii("eio=")};

    private final Set<String> userPaths;
    private final byte[][] userPathBytes; // the ASCII ones: no other can prefix an ASCII path
    private final Set<String> learned = new LinkedHashSet<>();
    private final LongSet learnedHashes = new LongSet();

    public AttemptClassifier(List<String> userPaths) {
        this.userPaths = new LinkedHashSet<>(userPaths);
        this.userPathBytes = this.userPaths.stream().filter(p -> p.chars().allMatch(c -> c < 0x80)).map(AttemptClassifier::ascii)
                .toArray(byte[][]::new);
    }

    public record Verdict(AttemptKind kind, String why) {}

    /** The verdict of every 101. */
    private static final Verdict UPGRADED = new Verdict(AttemptKind.UPGRADE, "status 101");

    public Verdict classify(AccessEntry a) {
        String path = a.path();
        if (a.status() == 101) {
            learn(path);
            return UPGRADED;
        }
        String upgrade = a.get(Field.HTTP_UPGRADE);
        if (upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
            return new Verdict(AttemptKind.UPGRADE, "request carried Upgrade: " + upgrade);
        }
        String target = a.target();
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.contains("transport=websocket")) return new Verdict(AttemptKind.UPGRADE, "transport=websocket");
        if (lower.contains("transport=polling") || lower.contains("/xhr_streaming") || lower.contains("/xhr_send")
                || (lower.contains("/xhr") && lower.contains("sockjs")) || lower.contains("eio=")) {
            return new Verdict(AttemptKind.POLLING, "long-polling transport");
        }
        boolean upgradeLogged = a.logs(Field.HTTP_UPGRADE);
        if (upgradeLogged && !upgrade.isEmpty()) return new Verdict(AttemptKind.OTHER, "");
        String wsPath = matchingPath(path);
        if (wsPath != null) {
            if (upgradeLogged) {
                // The client sent no Upgrade header: a plain request to a WebSocket path (a browser
                // falling back, a health check). Only failures of it matter, as polling-like traffic.
                return a.status() >= 400 ? new Verdict(AttemptKind.POLLING, "request to WebSocket path " + wsPath) : new Verdict(AttemptKind.OTHER, "");
            }
            return new Verdict(AttemptKind.UPGRADE, "request to WebSocket path " + wsPath);
        }
        return new Verdict(AttemptKind.OTHER, "");
    }

    /**
     * The path learned last: most 101s of a busy host go to one path, and comparing with it is
     * cheaper than hashing the path again (learning never forgets, so a path seen is a no-op).
     */
    private String lastLearned;

    /** Learns a path as a WebSocket path (a prescan, or config). */
    public void learn(String path) {
        if (path.equals(lastLearned)) return;
        lastLearned = path;
        if (learned.size() < MAX_LEARNED_PATHS && learned.add(path)) {
            long h = pathHash(path);
            if (h != NOT_ASCII) learnedHashes.add(h);
        }
    }

    // ---- the fast path: ordinary lines decided from bytes -----------------------------------

    /** {@link #pathHash} of a path that is not pure ASCII (never equal to a scanned path). */
    public static final long NOT_ASCII = 0;

    /**
     * Whether a request line ({@code b[from, to)}, ASCII) is certainly not WebSocket
     * traffic by every rule of {@link #classify} but the learned paths, for a line whose status is
     * not 101 and that carried no Upgrade header (the caller checks both): its target carries no
     * transport hint and its path is no user, well-known or segment WebSocket path. The learned
     * paths change as lines arrive, so they are checked in order with {@link #mayBeLearned} on the
     * hash this returns ({@link #NOT_ASCII} = not plain).
     *
     * <p>A request with an escape ({@code \\}) anywhere is not plain: its text is not its bytes.
     *
     * <p>Conservative: it may call plain traffic "not plain" (the full path then decides), never the
     * reverse. Thread-safe: reads only state fixed at construction.
     */
    public long plainRequestPathHash(byte[] b, int from, int to) {
        // every byte of the request is read once below (method, target, protocol): an escape
        // anywhere means its text is not its bytes, so it is not plain
        int sp = from;
        while (sp < to && b[sp] != ' ') {
            if (b[sp] == '\\') return NOT_ASCII;
            sp++;
        }
        if (sp == from || sp == to) return NOT_ASCII;
        int last = to - 1;
        while (b[last] != ' ') {
            if (b[last] == '\\') return NOT_ASCII;
            last--;
        }
        int tFrom = sp + 1;
        int tTo = last > sp ? last : to;
        if (tFrom >= tTo || b[tFrom] != '/') return NOT_ASCII; // "" or an absolute URI: leave to the full path
        // one pass over the target: where its path ends, its segments, and the target hints (by anchor byte)
        int seg = tFrom;
        int i = tFrom;
        for (; i < tTo; i++) {
            byte c = b[i];
            int k = BYTE_CLASS[c & 0xFF];
            if (k != 0) {
                if ((k & (QUERY | ESCAPE)) != 0) {
                    if ((k & ESCAPE) != 0) return NOT_ASCII;
                    break;
                }
                if ((k & SLASH) != 0) {
                    if (isSegmentName(b, seg, i)) return NOT_ASCII;
                    seg = i + 1;
                }
                if ((k & HINT) != 0 && hintAt(b, tFrom, i, tTo)) return NOT_ASCII;
            }
        }
        int pTo = i;
        if (isSegmentName(b, seg, pTo)) return NOT_ASCII;
        for (; i < tTo; i++) { // the query: hints and escapes only
            int k = BYTE_CLASS[b[i] & 0xFF];
            if ((k & ESCAPE) != 0 || ((k & HINT) != 0 && hintAt(b, tFrom, i, tTo))) return NOT_ASCII;
        }
        for (byte[] p : userPathBytes) if (startsWith(b, tFrom, pTo, p, false)) return NOT_ASCII;
        if (pTo - tFrom >= 2) { // well-known paths, picked by their second byte (the first is always '/')
            int[] candidates = WELL_KNOWN_BY_SECOND[b[tFrom + 1] & 0xFF];
            if (candidates != null) {
                for (int k : candidates) {
                    if ((pTo - tFrom == WELL_KNOWN_EXACT[k].length && startsWith(b, tFrom, pTo, WELL_KNOWN_EXACT[k], true))
                            || startsWith(b, tFrom, pTo, WELL_KNOWN_PREFIX[k], true)) {
                        return NOT_ASCII;
                    }
                }
            }
        }
        long h = PATH_SEED ^ (pTo - tFrom);
        int w = tFrom;
        for (; w <= pTo - 8; w += 8) h = mix(h, (long) LONGS.get(b, w));
        long tail = 0;
        for (int shift = 0; w < pTo; w++, shift += 8) tail |= (b[w] & 0xFFL) << shift;
        return finish(mix(h, tail));
    }

    /** Whether a path with this hash may have been learned from a 101 (false positives only). */
    public boolean mayBeLearned(long pathHash) {
        return learnedHashes.contains(pathHash);
    }

    // The path hash reads eight bytes at a time (little-endian words, the last one zero-padded, the
    // length in the seed): one multiply per word instead of one per byte, on every ordinary line.
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long PATH_SEED = 0xcbf29ce484222325L;
    private static final long PATH_PRIME = 0x9E3779B97F4A7C15L;

    private static long mix(long h, long word) {
        h = (h ^ word) * PATH_PRIME;
        return h ^ (h >>> 31);
    }

    private static long finish(long h) {
        return h == NOT_ASCII ? 1 : h;
    }

    /** The hash {@link #plainRequestPathHash} gives the same path, or {@link #NOT_ASCII}. */
    static long pathHash(String path) {
        int n = path.length();
        long h = PATH_SEED ^ n;
        long word = 0;
        for (int i = 0; i < n; i++) {
            char c = path.charAt(i);
            if (c >= 0x80) return NOT_ASCII;
            word |= (long) c << ((i & 7) << 3);
            if ((i & 7) == 7) {
                h = mix(h, word);
                word = 0;
            }
        }
        return finish(mix(h, word));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] b, int from, int to, byte[] p, boolean ignoreCase) {
        if (to - from < p.length) return false;
        for (int i = 0; i < p.length; i++) {
            byte c = b[from + i];
            if (ignoreCase && c >= 'A' && c <= 'Z') c += 32;
            if (c != p[i]) return false;
        }
        return true;
    }

    // Lookup tables so that most bytes of a path cost one load and one untaken branch. A target hint
    // is looked for only where its anchor byte is — its first byte that is no letter ('/' of "/xhr",
    // '=' of "transport=" and "eio="), rare in paths, where a first letter such as 't' or 'e' is in
    // every other word — then compared as startsWith(..., ignoreCase) compares (A-Z lowered, the
    // names are lower case) from where it would start.
    private static final int HINT = 1;
    private static final int SLASH = 2;
    private static final int QUERY = 4;
    private static final int ESCAPE = 8;
    private static final byte[][][] HINTS_BY_ANCHOR = new byte[256][][];
    private static final int[][] HINT_ANCHOR_OFFSETS = new int[256][];
    static {
        for (byte[] h : TARGET_HINTS) {
            int a = 0;
            while (a < h.length && Character.isLetter(h[a])) a++;
            if (a == h.length) throw new ExceptionInInitializerError("target hint without an anchor byte: " + new String(h));
            int c = h[a] & 0xFF;
            HINTS_BY_ANCHOR[c] = append(HINTS_BY_ANCHOR[c], h);
            int[] offs = HINT_ANCHOR_OFFSETS[c] == null ? new int[0] : HINT_ANCHOR_OFFSETS[c];
            offs = java.util.Arrays.copyOf(offs, offs.length + 1);
            offs[offs.length - 1] = a;
            HINT_ANCHOR_OFFSETS[c] = offs;
        }
    }

    private static byte[][] append(byte[][] list, byte[] h) {
        byte[][] out = list == null ? new byte[1][] : java.util.Arrays.copyOf(list, list.length + 1);
        out[out.length - 1] = h;
        return out;
    }

    /** Whether a target hint with its anchor at {@code i} lies within {@code b[from, to)}. */
    private static boolean hintAt(byte[] b, int from, int i, int to) {
        int c = b[i] & 0xFF;
        byte[][] hints = HINTS_BY_ANCHOR[c];
        int[] offsets = HINT_ANCHOR_OFFSETS[c];
        for (int k = 0; k < hints.length; k++) {
            int start = i - offsets[k];
            if (start >= from && startsWith(b, start, to, hints[k], true)) return true;
        }
        return false;
    }

    private static final byte[][][] SEGMENTS_BY_FIRST = byFirstByte(SEGMENTS);
    private static final int SEGMENT_LENGTHS = lengthMask(SEGMENTS);
    private static final int[][] WELL_KNOWN_BY_SECOND = bySecondByte(WELL_KNOWN_EXACT);
    private static final byte[] BYTE_CLASS = byteClasses();

    private static byte[] byteClasses() {
        byte[] k = new byte[256];
        for (int c = 0; c < 256; c++) k[c] = (byte) ((HINTS_BY_ANCHOR[c] != null ? HINT : 0) | (c == '/' ? SLASH : 0) | (c == '?' ? QUERY : 0) | (c == '\\' ? ESCAPE : 0));
        return k;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** For every byte value: the names whose first byte it matches ignoring case, or null. */
    private static byte[][][] byFirstByte(byte[][] names) {
        byte[][][] t = new byte[256][][];
        for (int c = 0; c < 256; c++) {
            int lc = lower(c);
            byte[][] m = java.util.Arrays.stream(names).filter(n -> n[0] == lc).toArray(byte[][]::new);
            if (m.length > 0) t[c] = m;
        }
        return t;
    }

    /** For every byte value: the indices of the paths whose second byte it matches ignoring case, or null. */
    private static int[][] bySecondByte(byte[][] paths) {
        int[][] t = new int[256][];
        for (int c = 0; c < 256; c++) {
            int lc = lower(c);
            int[] m = java.util.stream.IntStream.range(0, paths.length).filter(i -> paths[i].length > 1 && paths[i][1] == lc).toArray();
            if (m.length > 0) t[c] = m;
        }
        return t;
    }

    private static int lengthMask(byte[][] names) {
        int mask = 0;
        for (byte[] n : names) mask |= 1 << n.length;
        return mask;
    }

    /** Whether {@code b[from, to)} is one of the well-known segment names, ignoring case. */
    private static boolean isSegmentName(byte[] b, int from, int to) {
        int n = to - from;
        if (n <= 0 || n >= 32 || (SEGMENT_LENGTHS & (1 << n)) == 0) return false;
        byte[][] candidates = SEGMENTS_BY_FIRST[b[from] & 0xFF];
        if (candidates == null) return false;
        for (byte[] s : candidates) if (s.length == n && startsWith(b, from, to, s, true)) return true;
        return false;
    }

    /** A small open-addressing set of non-zero longs (at most MAX_LEARNED_PATHS of them). */
    private static final class LongSet {
        private long[] slots = new long[64];
        private int size;

        boolean contains(long v) {
            int mask = slots.length - 1;
            for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
                if (slots[i] == v) return true;
                if (slots[i] == 0) return false;
            }
        }

        void add(long v) {
            if ((size + 1) * 2 > slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                size = 0;
                for (long o : old) if (o != 0) add(o);
            }
            int mask = slots.length - 1;
            int i = mix(v) & mask;
            while (slots[i] != 0) {
                if (slots[i] == v) return;
                i = (i + 1) & mask;
            }
            slots[i] = v;
            size++;
        }

        private static int mix(long v) {
            long h = v * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }

    public List<String> learnedPaths() {
        return new ArrayList<>(learned);
    }

    private static final List<String> WELL_KNOWN_PREFIX_TEXT = WELL_KNOWN.stream().map(p -> p.endsWith("/") ? p : p + "/").toList();
    private static final String[] SEGMENT_TEXT = WELL_KNOWN_SEGMENTS.toArray(String[]::new);

    private String matchingPath(String path) {
        if (learned.contains(path)) return path;
        for (String p : userPaths) if (path.startsWith(p)) return p;
        String lower = path.toLowerCase(Locale.ROOT);
        for (int i = 0; i < WELL_KNOWN.size(); i++) {
            String p = WELL_KNOWN.get(i);
            if (lower.equals(p) || lower.startsWith(WELL_KNOWN_PREFIX_TEXT.get(i))) return p;
        }
        // a well-known name as any segment: /api/ws, /pool/ws/chat, /app/socket.io/
        for (int s = 0; s < lower.length(); ) {
            int slash = lower.indexOf('/', s);
            int end = slash < 0 ? lower.length() : slash;
            for (String seg : SEGMENT_TEXT) {
                if (seg.length() == end - s && lower.startsWith(seg, s)) return "…/" + seg + "/…";
            }
            s = end + 1;
        }
        return null;
    }
}
