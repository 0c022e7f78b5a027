package dev.wslogs.sink.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;

/**
 * A Chronicle Queue of JSON text entries, one roll file per UTC day ({@code yyyyMMddF.cq4}).
 * Appending is single-threaded (the pipeline thread); reading opens its own tailer.
 */
public final class Journal implements Closeable {
    /** Mapped chunk size: incidents are small and rare, so a small window keeps the daemon's RSS low. */
    private static final long BLOCK_BYTES = 4L << 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private final Path dir;
    private final ChronicleQueue queue;
    private ExcerptAppender appender;

    private Journal(Path dir, boolean readOnly) {
        this.dir = dir;
        this.queue = ChronicleQueue.singleBuilder(dir.toFile())
                .rollCycle(RollCycles.FAST_DAILY)
                .blockSize(BLOCK_BYTES)
                .readOnly(readOnly)
                .build();
    }

    public static Journal open(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new Journal(dir, false);
    }

    /** For readers: fails clearly when there is no journal. */
    public static Journal openExisting(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + ": no incident journal here (is --state-dir the daemon's?)");
        return new Journal(dir, false);
    }

    public Path dir() {
        return dir;
    }

    public void append(String json) {
        if (appender == null) appender = queue.createAppender();
        appender.writeText(json);
    }

    /** Reads every entry from the start (or from {@code fromIndex} when ≥ 0) that passes {@code filter}. */
    public List<String> readAll(Predicate<String> filter) {
        List<String> out = new ArrayList<>();
        try (ExcerptTailer t = queue.createTailer()) {
            t.toStart();
            String s;
            while ((s = t.readText()) != null) {
                if (filter.test(s)) out.add(s);
            }
        }
        return out;
    }

    /** A tailer for following: call {@link ExcerptTailer#readText()} until it returns null, then wait. */
    public ExcerptTailer tailer() {
        return queue.createTailer();
    }

    /**
     * Deletes the roll files of days older than {@code retentionDays} (relative to {@code today}),
     * never the current one. Returns how many it deleted.
     */
    public int applyRetention(int retentionDays, LocalDate today) throws IOException {
        String oldestKept = today.minusDays(retentionDays).format(DAY);
        List<Path> old = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".cq4")).forEach(p -> {
                String name = p.getFileName().toString();
                if (name.length() >= 8 && name.substring(0, 8).chars().allMatch(Character::isDigit)
                        && name.substring(0, 8).compareTo(oldestKept) < 0) {
                    old.add(p);
                }
            });
        }
        for (Path p : old) Files.deleteIfExists(p);
        if (!old.isEmpty()) queue.refreshDirectoryListing();
        return old.size();
    }

    @Override
    public void close() {
        if (appender != null) appender.close();
        queue.close();
    }
}
