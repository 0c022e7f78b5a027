package dev.wslogs.source;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * SHA-256 of a file's first {@code length} bytes ({@code length <= }{@link #MAX_BYTES}). The device
 * and inode say which file; the fingerprint says whether it still holds the same content, which
 * catches inode reuse (a new file got the number of a deleted one) and copytruncate (same inode,
 * new first bytes). A file shorter than {@code MAX_BYTES} has a shorter fingerprint that lengthens
 * as the file grows; a fingerprint of length 0 matches every file.
 */
public record Fingerprint(String sha256, int length) {
    public static final int MAX_BYTES = 256;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}"); // before EMPTY: static init order
    public static final Fingerprint EMPTY = of(new byte[0], 0);

    public Fingerprint {
        Objects.requireNonNull(sha256, "sha256");
        if (!HEX64.matcher(sha256).matches()) throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
        if (length < 0 || length > MAX_BYTES) throw new IllegalArgumentException("length must be 0.." + MAX_BYTES + ": " + length);
    }

    public static Fingerprint of(byte[] head, int length) {
        return new Fingerprint(HexFormat.of().formatHex(digest(head, length)), length);
    }

    /** True if {@code head} (a file's first bytes) is at least as long as this and starts with the same bytes. */
    public boolean matches(byte[] head, int headLength) {
        if (headLength < length) return false;
        return MessageDigest.isEqual(HexFormat.of().parseHex(sha256), digest(head, length));
    }

    private static byte[] digest(byte[] head, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(head, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return sha256.substring(0, 12) + "/" + length + "B";
    }
}
