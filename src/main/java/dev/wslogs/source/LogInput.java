package dev.wslogs.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One input the user named: a path (plain or gzip, recognised by its magic bytes, not its name)
 * or {@code -} for standard input. {@link #open()} may be called more than once for files (kind
 * and format detection peek at the start); stdin is buffered by the caller.
 */
public record LogInput(String name, Path path) {
    public static final String STDIN = "-";

    public static LogInput of(String name) {
        if (name.startsWith(STDIN + "\u0000")) return new LogInput(STDIN, Path.of(name.substring(2))); // stdin spilled to a file
        return STDIN.equals(name) ? new LogInput(STDIN, null) : new LogInput(name, Path.of(name));
    }

    /** True only for unbuffered stdin (a spilled copy is a file). */
    public boolean isStdin() {
        return path == null;
    }

    /** Size on disk (compressed size for .gz), 0 for stdin. */
    public long sizeBytes() {
        try {
            return isStdin() ? 0 : Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    public InputStream open() throws IOException {
        InputStream raw = isStdin() ? System.in : Files.newInputStream(path);
        return decompressing(raw);
    }

    /** Wraps a stream in gzip decoding when it starts with the gzip magic bytes. */
    public static InputStream decompressing(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (isGzipMagic(b1, b2)) return new GZIPInputStream(in, 1 << 16);
        return in;
    }

    /** Whether a stream's first two bytes (0–255) are gzip's magic number: how a gzip input is told, whatever its name. */
    public static boolean isGzipMagic(int b1, int b2) {
        return b1 == 0x1f && b2 == 0x8b;
    }
}
