package dev.wslogs.probe;

import dev.wslogs.probe.ProbeRequest.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An HTTP/1.x response head read byte by byte up to the blank line (so nothing of the WebSocket
 * stream that follows a 101 is consumed), bounded in size. Bytes are read as ISO-8859-1: header
 * text is kept verbatim, whatever it holds.
 */
public record ResponseHead(String statusLine, int status, List<Header> headers) {
    static final int MAX_BYTES = 64 * 1024;

    public ResponseHead {
        headers = List.copyOf(headers);
    }

    /**
     * @throws IOException on EOF before the head ended, a head over 64 KiB, or a line that is not HTTP
     */
    static ResponseHead read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException(buf.size() == 0 ? "the server closed the connection without answering"
                        : "the server closed the connection in the middle of the response head");
            }
            buf.write(b);
            if (buf.size() > MAX_BYTES) throw new IOException("response head over " + MAX_BYTES + " bytes");
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : b == '\n' && state == 2 ? 4 : b == '\n' ? 2 : 0;
                case 1, 3 -> b == '\n' ? state + 1 : b == '\r' ? 1 : 0;
                default -> state;
            };
        }
        return parse(buf.toString(StandardCharsets.ISO_8859_1));
    }

    static ResponseHead parse(String text) throws IOException {
        String[] lines = text.split("\r?\n");
        String statusLine = lines[0];
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP response: " + (statusLine.length() > 80 ? statusLine.substring(0, 80) + "..." : statusLine));
        }
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.isEmpty()) continue;
            int colon = l.indexOf(':');
            if (colon <= 0) continue;
            headers.add(new Header(l.substring(0, colon).trim(), l.substring(colon + 1).trim()));
        }
        return new ResponseHead(statusLine, Integer.parseInt(parts[1]), headers);
    }

    /** The last value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        String found = null;
        for (Header h : headers) if (h.name().equalsIgnoreCase(name)) found = h.value();
        return Optional.ofNullable(found);
    }
}
