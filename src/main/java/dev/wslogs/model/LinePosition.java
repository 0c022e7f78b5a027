package dev.wslogs.model;

import java.util.Objects;

/**
 * Where a log line came from.
 *
 * @param file   the file as the user named it (or {@code "-"} for stdin)
 * @param line   1-based physical line number
 * @param offset byte offset of the line's first byte in the (decompressed) stream
 */
public record LinePosition(String file, long line, long offset) implements Comparable<LinePosition> {
    public LinePosition {
        Objects.requireNonNull(file, "file");
        if (line < 1) throw new IllegalArgumentException("line must be >= 1: " + line);
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0: " + offset);
    }

    @Override
    public int compareTo(LinePosition o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : Long.compare(line, o.line);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
