package dev.wslogs.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How far one file has been handed out: every line up to line number {@code line}, ending just
 * before byte {@code offset}, was delivered; a resumed follower starts at {@code offset} with line
 * {@code line + 1}. {@code line == 0 && offset == 0} means nothing was handed out yet; a file first
 * seen at its end starts with the number of complete lines before that end.
 *
 * @param path     the followed path (as configured or matched by a glob), not where a rotated file
 *                 went: a restart looks for the file among that path's rotated siblings
 * @param identity the file's key and fingerprint; a checkpoint applies only to a file that matches
 */
public record Checkpoint(Path path, FileIdentity identity, long offset, long line) {
    public Checkpoint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(identity, "identity");
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0: " + offset);
        if (line < 0) throw new IllegalArgumentException("line must be >= 0: " + line);
        if (line > offset) throw new IllegalArgumentException("line " + line + " cannot end before byte " + offset);
    }

    @Override
    public String toString() {
        return path + "@" + identity.key() + ":" + line + "/" + offset;
    }
}
