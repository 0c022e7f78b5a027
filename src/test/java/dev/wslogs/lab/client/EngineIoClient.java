package dev.wslogs.lab.client;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps a Socket.IO v4 browser client takes (engine.io EIO=4): polling handshake, the
 * socket.io connect packet by POST, a poll, then the WebSocket upgrade with the session id.
 * Each step takes the {@code lab=} tag of the action it belongs to.
 */
public final class EngineIoClient {
    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");
    private final String base;
    private String sid = "";

    public EngineIoClient(int port) {
        this.base = "127.0.0.1:" + port + "/socket.io/?EIO=4";
    }

    /** GET transport=polling without sid; remembers the sid. @return HTTP status */
    public int handshake(String tag) {
        HttpResponse<String> r = WebClient.get("http://" + base + "&transport=polling&" + tag);
        Matcher m = SID.matcher(r.body());
        if (r.statusCode() == 200 && m.find()) sid = m.group(1);
        return r.statusCode();
    }

    public String sid() {
        return sid;
    }

    public int post(String packet, String tag) {
        return WebClient.post("http://" + base + "&transport=polling&sid=" + sid + "&" + tag, packet).statusCode();
    }

    /** A body of {@code size} bytes as one message packet (a file sent over Socket.IO). */
    public int postLarge(int size, String tag) {
        return post("4" + "x".repeat(size - 1), tag);
    }

    public int poll(String tag) {
        return WebClient.get("http://" + base + "&transport=polling&sid=" + sid + "&" + tag).statusCode();
    }

    /** The upgrade; on success does the probe exchange and returns the open session. */
    public WsSession.Attempt upgrade(String tag) {
        WsSession.Attempt a = WsSession.attempt(URI.create("ws://" + base + "&transport=websocket&sid=" + sid + "&" + tag), null);
        if (a.upgraded()) {
            a.session().send("2probe");
            String reply = a.session().awaitMessage(Duration.ofSeconds(10));
            if (!reply.equals("3probe")) throw new AssertionError("probe answered " + reply);
            a.session().send("5");
        }
        return a;
    }
}
