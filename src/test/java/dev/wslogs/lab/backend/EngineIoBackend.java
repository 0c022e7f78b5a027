package dev.wslogs.lab.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One instance of a session-based long-polling + upgrade server modelled on engine.io 6 (Socket.IO's
 * transport, EIO=4) running on Node.js. Sessions live in this instance's memory only, which is why
 * a load balancer without affinity breaks it:
 *
 * <ul>
 *   <li>{@code GET /socket.io/?EIO=4&transport=polling} → 200 open packet with a new {@code sid};
 *   <li>polling GET/POST with a {@code sid} this instance does not know → 400
 *       {@code {"code":1,"message":"Session ID unknown"}} (engine.io's {@code UNKNOWN_SID});
 *   <li>{@code transport=websocket&sid=…} upgrade for an unknown sid → engine.io's
 *       {@code abortUpgrade}: raw {@code 400 Bad Request}, body {@code Session ID unknown}, close;
 *   <li>known sid → 101, then {@code 2probe}/{@code 3probe}, {@code 5} (upgrade), {@code 4…} echoed.
 * </ul>
 * Simplification: a poll with nothing pending answers at once with a noop ({@code 6}) instead of
 * holding for pingInterval. Upgrade detection follows llhttp: Upgrade header and Connection token.
 */
public final class EngineIoBackend extends RawServer {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Queue<String>> sessions = new ConcurrentHashMap<>();

    public EngineIoBackend(String name) {
        super("engine.io-" + name);
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        while (true) {
            var maybe = HttpHead.read(in);
            if (maybe.isEmpty()) return;
            HttpHead head = maybe.get();
            byte[] body = in.readNBytes((int) head.contentLength());
            if (!handle(head, body, socket) || !head.keepAlive()) return;
        }
    }

    /** @return whether the connection may carry another request */
    private boolean handle(HttpHead head, byte[] body, Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        if (!head.path().startsWith("/socket.io/")) return respond(out, 404, "text/plain", "Not Found");
        String transport = head.query("transport");
        String sid = head.query("sid");
        if (transport.equals("websocket")) return upgrade(head, sid, socket);
        if (!transport.equals("polling")) return respond(out, 400, "application/json", "{\"code\":0,\"message\":\"Transport unknown\"}");
        if (sid.isEmpty()) {
            if (!head.method().equals("GET")) return respond(out, 400, "application/json", "{\"code\":2,\"message\":\"Bad handshake method\"}");
            String fresh = newSid();
            sessions.put(fresh, new ConcurrentLinkedQueue<>());
            return respond(out, 200, "text/plain; charset=UTF-8", "0{\"sid\":\"" + fresh
                    + "\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}");
        }
        Queue<String> pending = sessions.get(sid);
        if (pending == null) return respond(out, 400, "application/json", "{\"code\":1,\"message\":\"Session ID unknown\"}");
        if (head.method().equals("POST")) {
            String packet = new String(body, StandardCharsets.UTF_8);
            if (packet.startsWith("40")) pending.add("40{\"sid\":\"" + newSid() + "\"}");
            return respond(out, 200, "text/html", "ok");
        }
        String next = pending.poll();
        return respond(out, 200, "text/plain; charset=UTF-8", next == null ? "6" : next);
    }

    private boolean upgrade(HttpHead head, String sid, Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        if (!head.isWebSocketUpgrade()) {
            return respond(out, 400, "application/json", "{\"code\":3,\"message\":\"Bad request\"}");
        }
        if (!sid.isEmpty() && !sessions.containsKey(sid)) {
            String msg = "Session ID unknown";
            out.write(("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-type: text/html\r\nContent-Length: "
                    + msg.length() + "\r\n\r\n" + msg).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return false;
        }
        out.write(WsFrames.switchingProtocols(head).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        while (true) {
            WsFrames.Frame f = WsFrames.readMessage(socket.getInputStream());
            if (f.opcode() == WsFrames.CLOSE) {
                WsFrames.write(out, WsFrames.CLOSE, f.payload());
                return false;
            }
            if (f.opcode() == WsFrames.PING) WsFrames.write(out, WsFrames.PONG, f.payload());
            if (f.opcode() != WsFrames.TEXT) continue;
            String packet = f.text();
            if (packet.equals("2probe")) WsFrames.writeText(out, "3probe");
            else if (packet.startsWith("4")) WsFrames.writeText(out, packet);
        }
    }

    private static boolean respond(OutputStream out, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request";
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                + "\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return true;
    }

    private static String newSid() {
        byte[] b = new byte[15];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public int sessions() {
        return sessions.size();
    }
}
