package dev.wslogs.parse;

import java.util.Arrays;

/**
 * The fields a connection's log handler appends after the message
 * ({@code http/ngx_http_request.c:ngx_http_log_error}): {@code , client: A, server: B,
 * request: "…", subrequest: "…", upstream: "…", host: "…", referrer: "…"}, always in this order,
 * each optional after {@code client}.
 *
 * <p>Quoted values are raw client bytes and may contain {@code "} or even {@code ", client: }, and
 * the message before the trailer may too (a user name in an auth failure). So the trailer is taken
 * to start at the rightmost {@code ", client: "} from which the rest reads as a well-formed trailer,
 * and a quoted value ends at the first quote followed by a later known key or the end of the line.
 * Input crafted to look like a trailer inside a value is ambiguous by construction; this choice
 * reads every line nginx itself formed, including cut ones, the way nginx wrote it.
 *
 * <p>Mutable scratch owned by one parser; the fields are kept as offsets, which the entry takes over ({@link #copyParts}).
 */
final class ErrorTrailer {
    static final int CLIENT = 0;
    static final int SERVER = 1;
    static final int REQUEST = 2;
    static final int SUBREQUEST = 3;
    static final int UPSTREAM = 4;
    static final int HOST = 5;
    static final int REFERRER = 6;
    private static final String[] KEYS = {
        ", client: ", ", server: ", ", request: \"", ", subrequest: \"", ", upstream: \"", ", host: \"", ", referrer: \""
    };
    /** Rightmost candidates tried before settling for the best partial one; bounds work on hostile lines. */
    private static final int MAX_CANDIDATES = 8;

    private final int[] begin = new int[KEYS.length];
    private final int[] end = new int[KEYS.length];
    private final int[] candidates = new int[MAX_CANDIDATES];
    private String text = "";

    /**
     * Finds the trailer in {@code text[from, to)} and records its fields. Returns where it starts,
     * or {@code to} when there is none.
     */
    int locate(String text, int from, int to) {
        this.text = text;
        // Forward indexOf is intrinsified and lines usually hold one candidate; keep the last few.
        int found = 0;
        String key = KEYS[CLIENT];
        for (int c = text.indexOf(key, from); c >= 0 && c + key.length() <= to; c = text.indexOf(key, c + 1)) {
            candidates[found++ % MAX_CANDIDATES] = c;
        }
        int fallback = -1;
        for (int i = found - 1; i >= Math.max(0, found - MAX_CANDIDATES); i--) {
            int c = candidates[i % MAX_CANDIDATES];
            if (parse(c, to)) return c;
            // Unknown fields (stream byte counts, mail login) or a cut line: usable, if the client is.
            if (fallback < 0 && plain(begin[CLIENT], end[CLIENT])) fallback = c;
        }
        if (fallback < 0) {
            Arrays.fill(begin, -1);
            return to;
        }
        parse(fallback, to);
        return fallback;
    }

    /**
     * Every field's {@code [begin, end)} (begin −1: absent) into {@code parts} from {@code at}, client
     * to referrer: the order of {@code ErrorEntry.CLIENT} to {@code ErrorEntry.REFERRER}.
     */
    void copyParts(int[] parts, int at) {
        for (int f = 0; f < KEYS.length; f++) {
            parts[at + 2 * f] = begin[f];
            parts[at + 2 * f + 1] = end[f];
        }
    }

    /**
     * Reads the trailer starting at {@code t}. Returns whether it is well-formed to the end: plain
     * client and server, then only known quoted keys in order (the last may be cut by nginx's
     * 2048-byte limit).
     */
    private boolean parse(int t, int to) {
        Arrays.fill(begin, -1);
        int p = t + KEYS[CLIENT].length();
        int e = plainEnd(p, to);
        set(CLIENT, p, e);
        boolean clean = plain(p, e);
        if (e == to) return clean;
        if (!startsWith(KEYS[SERVER], e, to)) return false;
        p = e + KEYS[SERVER].length();
        e = plainEnd(p, to);
        set(SERVER, p, e);
        clean &= plain(p, e);
        int next = REQUEST;
        while (e < to) {
            int k = keyAt(e, to, next);
            if (k < 0) return false;
            int v = e + KEYS[k].length();
            int q = closingQuote(v, to, k + 1);
            if (q < 0) return openValue(k, v, to) && clean;
            set(k, v, q);
            e = q + 1;
            next = k + 1;
        }
        return clean;
    }

    /**
     * A quoted value with no closing quote before a known key or the end: nginx cut the line
     * mid-value (keep what is there), or fields we do not know follow it (the stream module's
     * {@code , bytes from/to client:…}): then end the value at the last quote that starts such a
     * field and drop the rest.
     */
    private boolean openValue(int k, int v, int to) {
        int last = text.lastIndexOf('"', to - 1);
        if (last >= v && startsWith(", ", last + 1, to)) {
            set(k, v, last);
            return false;
        }
        set(k, v, to);
        return true;
    }

    private void set(int field, int from, int to) {
        begin[field] = from;
        end[field] = to;
    }

    /** Client and server are addresses or a server_name: never a space, quote or {@code ", "}. */
    private int plainEnd(int from, int to) {
        int comma = text.indexOf(", ", from);
        return comma < 0 || comma > to ? to : comma;
    }

    private boolean plain(int from, int to) {
        if (from < 0) return false;
        // indexOf is vectorised; both searches stop right after the value on well-formed lines.
        int space = text.indexOf(' ', from);
        int quote = text.indexOf('"', from);
        return (space < 0 || space >= to) && (quote < 0 || quote >= to);
    }

    /** Index of the key among {@code KEYS[min..]} that starts at {@code at}, or -1. */
    private int keyAt(int at, int to, int min) {
        if (at + 4 >= to || text.charAt(at) != ',' || text.charAt(at + 1) != ' ') return -1;
        int k = switch (text.charAt(at + 2)) {
            case 'c' -> CLIENT;
            case 's' -> text.charAt(at + 3) == 'e' ? SERVER : SUBREQUEST;
            case 'r' -> text.charAt(at + 4) == 'q' ? REQUEST : REFERRER;
            case 'u' -> UPSTREAM;
            case 'h' -> HOST;
            default -> -1;
        };
        return k >= min && startsWith(KEYS[k], at, to) ? k : -1;
    }

    private int closingQuote(int from, int to, int nextKey) {
        for (int q = text.indexOf('"', from); q >= 0 && q < to; q = text.indexOf('"', q + 1)) {
            if (q + 1 == to || keyAt(q + 1, to, nextKey) >= 0) return q;
        }
        return -1;
    }

    private boolean startsWith(String key, int at, int to) {
        return at + key.length() <= to && text.startsWith(key, at);
    }
}
