package dev.wslogs.classify;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which back end served each socket.io/engine.io/SockJS session id successfully, so a
 * "Session ID unknown" 400 can be pinned on load balancing: the session lives on one
 * {@code $upstream_addr}, the refused request went to another. The session's owner may only show
 * after the refusal (the handshake that created it carries no sid), so callers ask again later.
 * Bounded LRU.
 */
final class StickySessions {
    private static final int MAX_SESSIONS = 200_000;
    /** Session ids remembered are at most this long (the table's bound in bytes). */
    static final int MAX_SID_CHARS = 128;
    private final Map<String, String> firstUpstream = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> e) {
            return size() > MAX_SESSIONS;
        }
    };

    /** Records a request that the back end served (status below 400) for its session. */
    void observe(AccessEntry a) {
        if (a.status() >= 400) return;
        String sid = sessionId(a.target());
        if (sid == null || sid.length() > MAX_SID_CHARS) return; // socket.io's are 20: a longer one is not worth 200,000 of
        String up = lastPeer(a.get(Field.UPSTREAM_ADDR));
        if (!up.isEmpty()) firstUpstream.putIfAbsent(sid, up);
    }

    /** The back end that owns this request's session, if it is not the one that answered; else null. */
    String ownerElsewhere(AccessEntry a) {
        String sid = sessionId(a.target());
        if (sid == null) return null;
        String up = lastPeer(a.get(Field.UPSTREAM_ADDR));
        String owner = firstUpstream.get(sid);
        return owner != null && !up.isEmpty() && !owner.equals(up) ? owner : null;
    }

    /** Whether a refused request belongs to a session (so the owner may still show up). */
    static boolean isSessionRefusal(AccessEntry a) {
        return a.status() == 400 && sessionId(a.target()) != null;
    }

    static String sessionId(String target) {
        int q = target.indexOf('?');
        if (q < 0) return null;
        int n = target.length();
        for (int kv = q + 1; kv < n; ) { // each &-separated parameter, as split("&") gives them
            int amp = target.indexOf('&', kv);
            int end = amp < 0 ? n : amp;
            if (target.startsWith("sid=", kv) && end - kv > 4) return target.substring(kv + 4, end);
            kv = end + 1;
        }
        return null;
    }

    /** The peer that answered last: the last item of the {@code $upstream_addr} list. */
    static String lastPeer(String list) {
        int i = Math.max(list.lastIndexOf(", "), list.lastIndexOf(" : "));
        String last = i < 0 ? list : list.substring(i + (list.startsWith(" : ", i) ? 3 : 2));
        return last.equals("-") ? "" : last.trim();
    }
}
