package dev.wslogs.lab.backend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP/1.x request head read byte by byte off a socket (so nothing after the blank line is
 * consumed). Header names are kept lower-case; repeated headers are joined with {@code ", "}.
 */
public record HttpHead(String method, String target, String version, Map<String, String> headers) {
    private static final int MAX_HEAD = 64 * 1024;

    /** Reads one head, or empty at a clean EOF before any byte. */
    public static Optional<HttpHead> read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            buf.write(b);
            byte[] a = buf.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                return Optional.of(parse(new String(a, 0, n - 4, StandardCharsets.ISO_8859_1)));
            }
            if (n > MAX_HEAD) throw new IOException("request head too large");
        }
        if (buf.size() == 0) return Optional.empty();
        throw new IOException("EOF inside request head");
    }

    private static HttpHead parse(String text) throws IOException {
        String[] lines = text.split("\r\n");
        String[] first = lines[0].split(" ");
        if (first.length != 3) throw new IOException("bad request line: " + lines[0]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) throw new IOException("bad header line: " + lines[i]);
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        return new HttpHead(first[0], first[1], first[2], headers);
    }

    public String header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** A query parameter's decoded value, or "". */
    public String query(String name) {
        int q = target.indexOf('?');
        if (q < 0) return "";
        for (String pair : target.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return "";
    }

    public long contentLength() {
        String v = header("content-length");
        return v.isEmpty() ? 0 : Long.parseLong(v);
    }

    /**
     * Whether this is a WebSocket upgrade the way Node.js (llhttp) and RFC 6455 servers decide it:
     * an {@code Upgrade: websocket} header <em>and</em> an {@code upgrade} token in Connection.
     * {@code Connection: upgrade} alone is an ordinary request.
     */
    public boolean isWebSocketUpgrade() {
        boolean connectionUpgrade = false;
        for (String token : header("connection").split(",")) {
            if (token.trim().equalsIgnoreCase("upgrade")) connectionUpgrade = true;
        }
        return connectionUpgrade && header("upgrade").equalsIgnoreCase("websocket");
    }

    /** Keep the connection for another request (HTTP/1.1 without Connection: close). */
    public boolean keepAlive() {
        return version.equals("HTTP/1.1") && !header("connection").toLowerCase(Locale.ROOT).contains("close");
    }
}
