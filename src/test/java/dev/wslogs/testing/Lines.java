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

    /** The public corpus beside the checkout; fails (never skips) when it is missing. */
    public static Path corpus() {
        Path p = Path.of("..", "shared", "corpus", "public").toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) throw new AssertionError("public corpus not found at " + p + " (shared/ must sit beside the checkout)");
        return p;
    }
}
