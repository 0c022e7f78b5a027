package dev.wslogs.testing;

import dev.wslogs.model.LinePosition;
import dev.wslogs.model.RawLine;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers shared across packages. */
public final class Lines {
    private Lines() {}

    public static RawLine line(String text) {
        return new RawLine(new LinePosition("test.log", 1, 0), text);
    }

    public static RawLine line(String file, long n, String text) {
        return new RawLine(new LinePosition(file, n, 0), text);
    }

    /**
     * A file's lines as raw bytes, without their {@code \n} (a {@code \r} stays): lines as the
     * byte-level parsers see them in a chunk.
     */
    public static java.util.List<byte[]> bytesOf(Path file) throws java.io.IOException {
        byte[] all = Files.readAllBytes(file);
        java.util.List<byte[]> out = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i == all.length || all[i] == '\n') {
                if (i > start || i < all.length) out.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /** The entries an error log gives, read as Latin-1 line by line (line numbers from 1) and flushed. */
    public static java.util.List<dev.wslogs.model.ErrorEntry> errorEntries(Path file) throws java.io.IOException {
        java.util.List<dev.wslogs.model.ErrorEntry> out = new java.util.ArrayList<>();
        dev.wslogs.parse.ErrorLogParser p = new dev.wslogs.parse.ErrorLogParser(out::add, f -> { });
        long n = 0;
        for (String text : Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) p.accept(line(file.toString(), ++n, text));
        p.flush();
        return out;
    }

    /** The public corpus beside the checkout; fails (never skips) when it is missing. */
    public static Path corpus() {
        Path p = Path.of("..", "shared", "corpus", "public").toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) throw new AssertionError("public corpus not found at " + p + " (shared/ must sit beside the checkout)");
        return p;
    }
}
