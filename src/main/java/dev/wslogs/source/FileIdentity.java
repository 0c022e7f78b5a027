package dev.wslogs.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Which file, independent of its name: the file system's key (on Linux {@code (dev=803,ino=1234)})
 * and a {@link Fingerprint} of its first bytes. Two identities denote the same file content when the
 * keys are equal and one fingerprint is a prefix-consistent match of the file's bytes (see
 * {@link Fingerprint#matches}); comparing records with {@code equals} is too strict while the file
 * is shorter than {@link Fingerprint#MAX_BYTES}, because the fingerprint lengthens as it grows.
 *
 * <p>On a file system without file keys the key falls back to {@code path:<absolute path>}: a
 * rename rotation then looks like a replaced file and is detected by the fingerprint alone.
 */
public record FileIdentity(String key, Fingerprint fingerprint) {
    public FileIdentity {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (key.isEmpty()) throw new IllegalArgumentException("empty file key");
    }

    /** The key of the file now at {@code path} (following symbolic links). */
    public static String keyOf(Path path) throws IOException {
        return keyOf(Files.readAttributes(path, BasicFileAttributes.class), path);
    }

    public static String keyOf(BasicFileAttributes attributes, Path path) {
        Object key = attributes.fileKey();
        return key != null ? key.toString() : "path:" + path.toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return key + "#" + fingerprint;
    }
}
