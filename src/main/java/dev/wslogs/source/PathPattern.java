package dev.wslogs.source;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One configured path: a literal file, or a glob in the last name component only
 * ({@code /var/log/nginx/*access.log}; wildcards in directories are rejected). The follower
 * expands globs at every poll, so the log of a vhost added later is picked up (from its start).
 *
 * <p>A glob never matches compressed files ({@code *.gz}) or rotated names ({@code access.log.1},
 * {@code access.log-20261121}): those hold lines already read under the live name, and following
 * them too would hand lines out twice. A literal {@code .gz} path is a configuration error.
 */
public final class PathPattern {
    private final String text;
    private final Path dir;
    private final PathMatcher matcher; // null: literal

    private PathPattern(String text, Path dir, PathMatcher matcher) {
        this.text = text;
        this.dir = dir;
        this.matcher = matcher;
    }

    public static PathPattern of(String text) {
        if (text.isBlank()) throw new IllegalArgumentException("empty path");
        if (text.endsWith(".gz")) throw new IllegalArgumentException(text + ": compressed files are not followed (use wslogs analyze)");
        Path p = Path.of(text);
        Path parent = p.getParent();
        if (parent != null && isGlob(parent.toString())) {
            throw new IllegalArgumentException(text + ": wildcards are supported in the file name only, not in directories");
        }
        if (!isGlob(p.getFileName().toString())) return new PathPattern(text, parent, null);
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p.getFileName());
        return new PathPattern(text, parent, m);
    }

    private static boolean isGlob(String s) {
        return s.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    boolean isGlob() {
        return matcher != null;
    }

    /** True if {@code p} is (or would be, if it existed) one of this pattern's paths. */
    public boolean matches(Path p) {
        if (matcher == null) return p.equals(Path.of(text));
        return Objects.equals(p.getParent(), dir) && followable(p.getFileName());
    }

    private boolean followable(Path name) {
        String n = name.toString();
        return matcher.matches(name) && !n.endsWith(".gz") && RotationOrder.seriesKey(n).equals(n);
    }

    /** The paths now matching, sorted; a literal path is returned whether it exists or not. */
    List<Path> expand() throws IOException {
        if (matcher == null) return List.of(Path.of(text));
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir != null ? dir : Path.of("."))) {
            for (Path p : ds) {
                if (followable(p.getFileName()) && Files.isRegularFile(p)) out.add(dir != null ? p : p.getFileName());
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of(); // a missing directory is a state, like a missing file
        }
        out.sort(null);
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
