package dev.wslogs.nginxconf;

import java.util.Objects;

/**
 * Where a directive was written: the file (as the user named it for the main file, as resolved for
 * an included file, as printed in the header for a file inside an {@code nginx -T} dump) and the
 * 1-based line and column of the directive's first token.
 */
public record SourceRef(String file, int line, int column) implements Comparable<SourceRef> {

    /** Stands for nginx's compiled-in definitions, such as the predefined {@code combined} format. */
    public static final SourceRef BUILTIN = new SourceRef("<nginx built-in>", 1, 1);

    public SourceRef {
        Objects.requireNonNull(file, "file");
        if (line < 1) throw new IllegalArgumentException("line must be >= 1: " + line);
        if (column < 1) throw new IllegalArgumentException("column must be >= 1: " + column);
    }

    public boolean isBuiltin() {
        return this.equals(BUILTIN);
    }

    @Override
    public int compareTo(SourceRef o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    /** {@code file:line}, the form nginx itself uses when it cites configuration. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
