package dev.wslogs.lab.backend;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Minimal RFC 6455 framing for the raw servers: whole frames, server side (unmasked) writes. */
public final class WsFrames {
    public static final int TEXT = 0x1;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private WsFrames() {}

    public record Frame(int opcode, byte[] payload, boolean fin) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    public static String acceptKey(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 101 a conforming server sends for {@code head}. */
    public static String switchingProtocols(HttpHead head) {
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + acceptKey(head.header("sec-websocket-key")) + "\r\n\r\n";
    }

    /**
     * Reads one message: a control frame, or a data frame plus its continuation frames (clients
     * such as the JDK's split large messages), reassembled.
     */
    public static Frame readMessage(InputStream in) throws IOException {
        Frame first = read(in);
        if (first.fin() || first.opcode() >= CLOSE) return first;
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.write(first.payload());
        Frame next;
        do {
            next = read(in);
            all.write(next.payload());
        } while (!next.fin());
        return new Frame(first.opcode(), all.toByteArray(), true);
    }

    public static Frame read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int b0 = d.read();
        if (b0 < 0) throw new EOFException();
        int b1 = d.readUnsignedByte();
        long len = b1 & 0x7F;
        if (len == 126) len = d.readUnsignedShort();
        else if (len == 127) len = d.readLong();
        if (len > 16 * 1024 * 1024) throw new IOException("frame too large: " + len);
        byte[] mask = new byte[4];
        boolean masked = (b1 & 0x80) != 0;
        if (masked) d.readFully(mask);
        byte[] payload = new byte[(int) len];
        d.readFully(payload);
        if (masked) for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
        return new Frame(b0 & 0x0F, payload, (b0 & 0x80) != 0);
    }

    public static void write(OutputStream out, int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65536) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) out.write((int) ((long) payload.length >>> shift) & 0xFF);
        }
        out.write(payload);
        out.flush();
    }

    public static void writeText(OutputStream out, String text) throws IOException {
        write(out, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }
}
