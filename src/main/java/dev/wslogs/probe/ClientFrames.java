package dev.wslogs.probe;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The client side of RFC 6455 framing, just enough for a probe: masked text, pong and close frames
 * out; any frame in, its payload capped (a probe never needs a large message, and a hostile server
 * must not make it allocate one).
 */
final class ClientFrames {
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;
    static final int MAX_PAYLOAD = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A received frame; {@code payload} is what was kept of it. */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private ClientFrames() {}

    static void writeText(OutputStream out, String text) throws IOException {
        write(out, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(OutputStream out, int opcode, byte[] payload) throws IOException {
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        int n = payload.length;
        byte[] head;
        if (n < 126) {
            head = new byte[] {(byte) (0x80 | opcode), (byte) (0x80 | n)};
        } else if (n < 65536) {
            head = new byte[] {(byte) (0x80 | opcode), (byte) (0x80 | 126), (byte) (n >> 8), (byte) n};
        } else {
            head = new byte[10];
            head[0] = (byte) (0x80 | opcode);
            head[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) head[9 - i] = (byte) ((long) n >> (8 * i));
        }
        byte[] masked = new byte[n];
        for (int i = 0; i < n; i++) masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        out.write(head);
        out.write(mask);
        out.write(masked);
        out.flush();
    }

    /** Reads one frame (fragments are returned as they come; the probe only compares short texts). */
    static Frame read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7F;
        if (len == 126) len = in.readUnsignedShort();
        else if (len == 127) len = in.readLong();
        if (len < 0) throw new IOException("invalid frame length");
        byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
        int keep = (int) Math.min(len, MAX_PAYLOAD);
        byte[] payload = in.readNBytes(keep);
        if (payload.length < keep) throw new java.io.EOFException();
        long skip = len - keep;
        while (skip > 0) {
            long s = in.skip(skip);
            if (s <= 0) throw new java.io.EOFException();
            skip -= s;
        }
        if (mask != null) for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
        return new Frame(b0 & 0x0F, payload);
    }
}
