package dev.wslogs.probe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** RFC 6455 §4: the client's key and what a valid 101 must carry. */
public final class HandshakeValidator {
    /** The GUID the server appends to the key before hashing (RFC 6455 §1.3). */
    public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final SecureRandom RANDOM = new SecureRandom();

    private HandshakeValidator() {}

    /** A fresh {@code Sec-WebSocket-Key}: 16 random bytes, base64. */
    public static String newKey() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** base64(SHA-1(key + GUID)). */
    public static String expectedAccept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    /**
     * What is wrong with a 101 answer; empty when it is a valid WebSocket upgrade.
     *
     * @param offered the subprotocols the client offered
     */
    public static List<String> problems(ResponseHead head, String key, List<String> offered) {
        List<String> out = new ArrayList<>();
        Optional<String> upgrade = head.header("Upgrade");
        if (upgrade.isEmpty()) out.add("no Upgrade header in the 101");
        else if (!upgrade.get().trim().equalsIgnoreCase("websocket")) out.add("Upgrade is \"" + upgrade.get() + "\", not websocket");
        Optional<String> connection = head.header("Connection");
        boolean hasToken = connection.isPresent() && Arrays.stream(connection.get().split(","))
                .anyMatch(t -> t.trim().equalsIgnoreCase("upgrade"));
        if (connection.isEmpty()) out.add("no Connection header in the 101");
        else if (!hasToken) out.add("Connection is \"" + connection.get() + "\", without the upgrade token");
        Optional<String> accept = head.header("Sec-WebSocket-Accept");
        String expected = expectedAccept(key);
        if (accept.isEmpty()) out.add("no Sec-WebSocket-Accept header in the 101");
        else if (!accept.get().trim().equals(expected)) {
            out.add("Sec-WebSocket-Accept is \"" + accept.get().trim() + "\", expected \"" + expected + "\"");
        }
        Optional<String> proto = head.header("Sec-WebSocket-Protocol");
        if (proto.isPresent() && offered.stream().noneMatch(p -> p.equals(proto.get().trim()))) {
            out.add("the server selected subprotocol \"" + proto.get() + "\", which was not offered");
        } else if (proto.isEmpty() && !offered.isEmpty()) {
            out.add("none of the offered subprotocols (" + String.join(", ", offered) + ") was selected; browsers fail such a handshake");
        }
        head.header("Sec-WebSocket-Extensions").filter(e -> !e.isBlank())
                .ifPresent(e -> out.add("the server enabled extensions that were not offered: " + e));
        return out;
    }
}
