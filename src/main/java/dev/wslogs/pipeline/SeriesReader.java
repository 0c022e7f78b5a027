package dev.wslogs.pipeline;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.LogKind;
import dev.wslogs.model.ParseFailure;
import dev.wslogs.model.RawLine;
import dev.wslogs.parse.AccessFormat;
import dev.wslogs.parse.ByteSearch;
import dev.wslogs.parse.ErrorLogParser;
import dev.wslogs.source.LineSplitter;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongConsumer;
import java.util.zip.ZipException;

/**
 * Reads one series of files (oldest first) on its own thread, parses every line and hands batches
 * of events to the merge. Parsing in parallel per series is what uses the second core; the merge
 * keeps the output deterministic.
 *
 * <p>An access log may contain error.log lines (a container's stdout and stderr in one file): those
 * are parsed as error lines, not counted as failures.
 */
final class SeriesReader implements Runnable {
    static final List<Event> END = List.of();
    /**
     * Events per batch. Small, with a short queue ({@link ReplayDriver}): the reader runs ahead of
     * the merge by at most a few thousand events, because whatever waits in the queue outlives a
     * young collection — with 8 × 2048 error entries (about 1 KB each) buffered, 20 MB survived every
     * collection and was copied or promoted; with 4 × 512, GC CPU halved (2 M lines, interleaved runs).
     */
    static final int BATCH = 512;
    static final int QUEUED_BATCHES = 4;

    private final List<InputFile> files;
    private final ErrorClock clock;
    private final BlockingQueue<List<Event>> queue;
    private final List<FileStats> stats;
    private final LongConsumer progress;
    private List<Event> batch = new ArrayList<>(BATCH);
    private long lastTime = Long.MIN_VALUE;
    private volatile Throwable failure;

    SeriesReader(List<InputFile> files, ZoneId zone, BlockingQueue<List<Event>> queue, List<FileStats> stats, LongConsumer progress) {
        this.files = files;
        this.clock = new ErrorClock(zone);
        this.queue = queue;
        this.stats = stats;
        this.progress = progress;
    }

    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            for (InputFile f : files) readFile(f);
            flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readFile(InputFile f) throws InterruptedException {
        FileStats st = new FileStats(f.input().name(), f.kind(), f.kind() == LogKind.ACCESS ? f.format().name() : "nginx error log");
        if (!f.formatNote().isEmpty()) st.notes.add(f.formatNote());
        synchronized (stats) {
            stats.add(st);
        }
        ErrorLogParser errors = new ErrorLogParser(e -> {
            st.parsed++;
            add(new Event.Error(e, toMillis(e)));
        }, pf -> {
            st.failed++;
            add(new Event.Failure(pf, lastTime));
        });
        AccessFormat.Parser access = f.kind() == LogKind.ACCESS ? f.format().newParser() : null;
        LineSplitter splitter = new LineSplitter(f.input().name(), line -> route(line, st, access, errors));
        try (InputStream in = f.input().open()) {
            byte[] buf = new byte[1 << 16];
            int n;
            long total = 0;
            while ((n = in.read(buf)) > 0) {
                feed(splitter, buf, n);
                total += n;
                progress.accept(n);
                if (Thread.interrupted()) throw new InterruptedException();
            }
            splitter.finish();
            st.bytes = total;
        } catch (EOFException | ZipException e) {
            splitter.finish();
            st.notes.add("truncated (compressed stream ends early after line " + splitter.lineNumber() + "): " + e.getMessage());
        } catch (IOException e) {
            splitter.finish();
            st.notes.add("read error after line " + splitter.lineNumber() + ": " + e.getMessage());
        }
        errors.flush();
        st.lines = splitter.lineNumber();
        if (st.lines == 0) st.notes.add("empty file");
        flushIfFull(true);
    }

    /** Finds the line ends (and whether each line is ASCII) eight bytes at a time for the splitter. */
    private static void feed(LineSplitter splitter, byte[] buf, int n) {
        int start = 0;
        while (start < n) {
            int found = ByteSearch.lineEnd(buf, start, n);
            boolean ascii = found >= 0;
            int end = ascii ? found : ~found;
            splitter.feedLine(buf, start, end - start, end < n, ascii);
            start = end + 1;
        }
    }

    private void route(RawLine line, FileStats st, AccessFormat.Parser access, ErrorLogParser errors) {
        if (line.text().isBlank()) {
            st.blank++;
            return;
        }
        if (access == null) {
            errors.accept(line);
            return;
        }
        AccessEntry e = access.parse(line);
        if (e != null) {
            st.parsed++;
            lastTime = e.timeMillis();
            add(new Event.Access(e));
        } else if (ErrorLogParser.looksLikeErrorLine(line.text())) {
            st.otherKind++;
            errors.accept(line);
        } else {
            st.failed++;
            add(new Event.Failure(new ParseFailure(line.position(), LogKind.ACCESS, access.mismatch(line), line.text()), lastTime));
        }
    }

    private long toMillis(ErrorEntry e) {
        long t = clock.millis(e);
        lastTime = t;
        return t;
    }

    private void add(Event e) {
        batch.add(e);
        try {
            flushIfFull(false);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private void flushIfFull(boolean force) throws InterruptedException {
        if (batch.size() >= BATCH || (force && !batch.isEmpty())) flush();
    }

    private void flush() throws InterruptedException {
        if (batch.isEmpty()) return;
        queue.put(batch);
        batch = new ArrayList<>(BATCH);
    }
}
