package dev.wslogs.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One input the user named: a path (plain or gzip, recognised by its magic bytes, not its name)
 * or {@code -} for standard input.
 *
 * <p>A regular file can be opened any number of times (kind and format detection read its head,
 * then the reader reads it whole). Standard input and any other file that is not a regular one — a
 * named pipe, the {@code /dev/fd/63} of a shell's {@code <(zcat access.log.2.gz)} — can be read only
 * once and not sought in: it is opened once, its head ({@link #head}) is kept in memory for detection,
 * and {@link #open()} gives that head followed by the rest of the same stream, once. Nothing is
 * copied to disk, so a week of logs piped in costs no more memory or disk than a file.
 */
public final class LogInput {
    public static final String STDIN = "-";

    private final String name;
    private final Path path;
    private final boolean stream;
    /** A stream input's decoded stream, after its head was taken; null before and after the one {@link #open()}. */
    private InputStream rest;
    private byte[] head;
    private boolean opened;

    private LogInput(String name, Path path, boolean stream) {
        this.name = name;
        this.path = path;
        this.stream = stream;
    }

    public static LogInput of(String name) {
        if (STDIN.equals(name)) return new LogInput(STDIN, null, true);
        Path p = inParent(name).orElse(Path.of(name));
        return new LogInput(name, p, Files.exists(p) && !Files.isRegularFile(p) && !Files.isDirectory(p));
    }

    /** The environment variable through which a parent JVM that re-ran analyze in a child tells its pid (cli.BoundedHeap). */
    public static final String PARENT_PID = "WSLOGS_PARENT_PID";

    private static final java.util.regex.Pattern FD = java.util.regex.Pattern.compile("/(?:dev|proc/self)/fd/(\\d+)");

    /**
     * A shell's {@code <(zcat …)} names a descriptor ({@code /dev/fd/63}) of the process it started;
     * when that process re-ran analyze in a child JVM (which inherits only standard input, output
     * and error), the child reads the same pipe through the parent's {@code /proc/PID/fd/63}. The
     * name stays the one given.
     */
    private static java.util.Optional<Path> inParent(String name) {
        String parent = System.getenv(PARENT_PID);
        java.util.regex.Matcher m = FD.matcher(name);
        if (parent == null || !m.matches() || m.group(1).length() > 9 || Integer.parseInt(m.group(1)) <= 2 || Files.exists(Path.of(name))) {
            return java.util.Optional.empty();
        }
        Path p = Path.of("/proc", parent, "fd", m.group(1));
        return Files.exists(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    /** The name as given ({@code -} for standard input). */
    public String name() {
        return name;
    }

    /** The file, or null for standard input. */
    public Path path() {
        return path;
    }

    /** True for standard input. */
    public boolean isStdin() {
        return path == null;
    }

    /** True when the input can be read only once: standard input, a pipe, a device. */
    public boolean isStream() {
        return stream;
    }

    /** Size on disk (compressed size for .gz), 0 when unknown (a stream). */
    public long sizeBytes() {
        if (stream) return 0;
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Up to {@code max} bytes of the start of the input, decoded (gunzipped): for a file, read and
     * closed again; for a stream, read once and kept, so that {@link #open()} gives them again.
     */
    public synchronized byte[] head(int max) throws IOException {
        if (!stream) {
            try (InputStream in = open()) {
                return in.readNBytes(max);
            }
        }
        if (head == null) {
            if (opened) throw new IOException("already read (standard input and pipes can be read only once)");
            InputStream raw = path == null ? System.in : new FileInputStream(path.toFile());
            rest = decompressing(raw);
            head = rest.readNBytes(max);
        }
        return head.length <= max ? head : java.util.Arrays.copyOf(head, max);
    }

    /** The whole input, decoded; for a stream, once (its {@link #head} first, then the rest). */
    public synchronized InputStream open() throws IOException {
        if (!stream) return decompressing(Files.newInputStream(path));
        if (opened) throw new IOException("already read (standard input and pipes can be read only once)");
        if (head == null) head(0);
        opened = true;
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(head), rest);
        head = null;
        rest = null;
        return in;
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

    @Override
    public String toString() {
        return name;
    }
}
