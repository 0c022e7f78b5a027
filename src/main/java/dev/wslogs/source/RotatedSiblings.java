package dev.wslogs.source;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rotated, uncompressed files of a followed path, oldest first: {@code access.log.2},
 * {@code access.log.1} or {@code access.log-20261121} beside {@code access.log} (naming as in
 * {@link RotationOrder}). Only consulted at restart, to find files a checkpoint names that were
 * rotated away while the daemon was down. Compressed files ({@code .gz}) are never followed.
 */
final class RotatedSiblings {
    private RotatedSiblings() {}

    /**
     * Siblings rotated after the one whose file key is {@code key}, oldest first; empty if no
     * sibling has that key (it was deleted, compressed or moved elsewhere: nothing can be said).
     */
    static List<Path> youngerThan(Path live, String key) throws IOException {
        List<Path> all = of(live);
        for (int i = 0; i < all.size(); i++) {
            if (key.equals(keyOrNull(all.get(i)))) return all.subList(i + 1, all.size());
        }
        return List.of();
    }

    static String keyOrNull(Path p) {
        try {
            return FileIdentity.keyOf(p);
        } catch (IOException e) {
            return null; // gone since the listing: not a candidate
        }
    }

    static List<Path> of(Path live) throws IOException {
        Path dir = live.getParent();
        String name = live.getFileName().toString();
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir != null ? dir : Path.of("."))) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.equals(name) || n.endsWith(".gz") || !RotationOrder.seriesKey(n).equals(name)) continue;
                if (Files.isRegularFile(p)) names.add(n);
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        List<Path> out = new ArrayList<>();
        for (String n : RotationOrder.oldestFirst(names)) out.add(dir != null ? dir.resolve(n) : Path.of(n));
        return out;
    }
}
