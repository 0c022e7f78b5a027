package dev.wslogs.classify;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which back end served each socket.io/engine.io/SockJS session id, so a "Session ID
 * unknown" 400 can be pinned on load balancing: the same sid served by two different
 * {@code $upstream_addr}s. Bounded LRU.
 */
final class StickySessions {
    private static final int MAX_SESSIONS = 200_000;
    private final Map<String, String> firstUpstream = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> e) {
            return size() > MAX_SESSIONS;
        }
    };

    /** The back end that first served this session, if different from this request's; else null. */
    String observe(AccessEntry a) {
        String sid = sessionId(a.target());
        if (sid == null) return null;
        String up = lastPeer(a.get(Field.UPSTREAM_ADDR));
        if (up.isEmpty()) return null;
        String first = firstUpstream.putIfAbsent(sid, up);
        return first != null && !first.equals(up) ? first : null;
    }

    static String sessionId(String target) {
        int q = target.indexOf('?');
        if (q < 0) return null;
        for (String kv : target.substring(q + 1).split("&")) {
            if (kv.startsWith("sid=") && kv.length() > 4) return kv.substring(4);
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
