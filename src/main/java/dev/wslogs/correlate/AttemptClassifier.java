package dev.wslogs.correlate;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Field;
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

    private final Set<String> userPaths;
    private final Set<String> learned = new LinkedHashSet<>();

    public AttemptClassifier(List<String> userPaths) {
        this.userPaths = new LinkedHashSet<>(userPaths);
    }

    public record Verdict(AttemptKind kind, String why) {}

    public Verdict classify(AccessEntry a) {
        String path = a.path();
        if (a.status() == 101) {
            if (learned.size() < MAX_LEARNED_PATHS) learned.add(path);
            return new Verdict(AttemptKind.UPGRADE, "status 101");
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

    /** Learns a path as a WebSocket path (a prescan, or config). */
    public void learn(String path) {
        if (learned.size() < MAX_LEARNED_PATHS) learned.add(path);
    }

    public List<String> learnedPaths() {
        return new ArrayList<>(learned);
    }

    private String matchingPath(String path) {
        if (learned.contains(path)) return path;
        for (String p : userPaths) if (path.startsWith(p)) return p;
        String lower = path.toLowerCase(Locale.ROOT);
        for (String p : WELL_KNOWN) {
            if (lower.equals(p) || lower.startsWith(p.endsWith("/") ? p : p + "/")) return p;
        }
        // a well-known name as any segment: /api/ws, /pool/ws/chat, /app/socket.io/
        for (String seg : lower.split("/")) {
            if (!seg.isEmpty() && WELL_KNOWN_SEGMENTS.contains(seg)) return "…/" + seg + "/…";
        }
        return null;
    }
}
