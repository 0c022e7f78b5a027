package dev.wslogs.pipeline;

import dev.wslogs.model.LogKind;
import dev.wslogs.parse.AccessFormat;
import dev.wslogs.source.LogInput;
import java.util.Objects;

/**
 * An input with what was decided about it before reading: its kind, and for access logs the
 * format (given, from nginx.conf, or detected — {@code formatNote} says which).
 */
public record InputFile(LogInput input, LogKind kind, AccessFormat format, String formatNote) {
    public InputFile {
        Objects.requireNonNull(input);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(formatNote);
        if (kind == LogKind.ACCESS) Objects.requireNonNull(format, "access inputs need a format");
    }
}
