package dev.wslogs.pipeline;

import dev.wslogs.model.LogKind;
import dev.wslogs.source.LineSplitter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Drives the pipeline from files read to their end ({@code wslogs analyze}).
 *
 * <p>Access series are read in chunks of whole lines ({@link ChunkReader}) parsed in parallel by a
 * pool of one worker per core ({@link ChunkParser}) and put back in order by a sequencer
 * ({@link AccessSeriesSource}); error series are parsed on a thread each ({@link SeriesReader}: an
 * error message may span lines). The events are merged by log time — error lines before access
 * lines of the same millisecond, then by series order — so the result does not depend on thread
 * timing, chunk size or on the order files were named.
 *
 * <p>Memory is bounded: each access series has a fixed pool of chunk buffers, each error series a
 * fixed queue of batches; nothing grows with the input.
 */
public final class ReplayDriver {
    static final int CHUNK_BYTES = 1 << 20;

    private ReplayDriver() {}

    /** Replays {@code series} (each oldest first, already in a canonical order) into the pipeline. */
    public static List<FileStats> run(List<List<InputFile>> series, ZoneId errorZone, Pipeline pipeline, LongConsumer progress)
            throws InterruptedException {
        return run(series, errorZone, pipeline, progress, CHUNK_BYTES, Runtime.getRuntime().availableProcessors());
    }

    static List<FileStats> run(List<List<InputFile>> series, ZoneId errorZone, Pipeline pipeline, LongConsumer progress, int chunkBytes,
            int threads) throws InterruptedException {
        int k = series.size();
        int workerCount = Math.max(1, threads);
        List<Thread> pool = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(workerCount, r -> {
            Thread t = new Thread(r, "wslogs-parse");
            t.setDaemon(true);
            pool.add(t);
            return t;
        });
        ChunkParser.QuietRules quiet = pipeline.hasQuietPath()
                ? ChunkParser.QuietRules.of(pipeline.attemptClassifier(), pipeline.classifier()) : null;
        int maxLine = Math.min(LineSplitter.DEFAULT_MAX_LINE_BYTES, chunkBytes);
        List<List<FileStats>> stats = new ArrayList<>();
        List<EventSource> sources = new ArrayList<>();
        List<Thread> threadsStarted = new ArrayList<>();
        ThreadTimes times = new ThreadTimes();
        List<ChunkReader> chunkReaders = new ArrayList<>();
        List<SeriesReader> seriesReaders = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<InputFile> files = series.get(i);
            List<FileStats> st = new ArrayList<>();
            stats.add(st);
            Runnable reader;
            if (files.get(0).kind() == LogKind.ACCESS) {
                int inFlight = 2 * workerCount + 2;
                BlockingQueue<Future<ParsedChunk>> q = new ArrayBlockingQueue<>(inFlight);
                BufferPool buffers = new BufferPool(chunkBytes, inFlight + 3);
                List<ChunkParser> parsers = new ArrayList<>();
                Queue<ParsedChunk> parsed = new ConcurrentLinkedQueue<>(); // at most one per chunk in flight
                for (InputFile f : files) parsers.add(new ChunkParser(f.input().name(), f.format(), maxLine, quiet, parsed));
                ChunkReader r = new ChunkReader(files, parsers, workers, q, buffers, maxLine, progress);
                chunkReaders.add(r);
                sources.add(new AccessSeriesSource(files, q, buffers, parsed, st, errorZone));
                reader = r;
            } else {
                BlockingQueue<List<Event>> q = new ArrayBlockingQueue<>(SeriesReader.QUEUED_BATCHES);
                SeriesReader r = new SeriesReader(files, errorZone, q, st, progress);
                seriesReaders.add(r);
                sources.add(new BatchSource(q));
                reader = r;
            }
            Thread t = new Thread(times.recorded(reader), "wslogs-read-" + i + "-" + files.get(0).kind().name().toLowerCase(java.util.Locale.ROOT));
            t.setDaemon(true);
            threadsStarted.add(t);
            t.start();
        }
        try {
            merge(sources, pipeline);
            if (System.getenv("WSLOGS_THREAD_TIMES") != null) times.print(threadsStarted, pool);
        } finally {
            for (Thread t : threadsStarted) t.interrupt();
            for (Thread t : threadsStarted) t.join();
            workers.shutdownNow();
        }
        for (ChunkReader r : chunkReaders) {
            if (r.failure() != null) throw new IllegalStateException("reading failed: " + r.failure(), r.failure());
        }
        for (SeriesReader r : seriesReaders) {
            if (r.failure() != null) throw new IllegalStateException("reading failed: " + r.failure(), r.failure());
        }
        pipeline.finish();
        List<FileStats> all = new ArrayList<>();
        for (List<FileStats> st : stats) all.addAll(st);
        return all;
    }

    private static void merge(List<EventSource> sources, Pipeline pipeline) throws InterruptedException {
        int k = sources.size();
        EventSource[] src = sources.toArray(EventSource[]::new);
        boolean[] done = new boolean[k];
        long[] time = new long[k];
        int[] rank = new int[k];
        while (true) {
            int best = -1;
            for (int i = 0; i < k; i++) {
                if (done[i]) continue;
                if (!src[i].ready()) {
                    done[i] = true;
                    continue;
                }
                time[i] = src[i].time();
                rank[i] = src[i].rank();
                if (best < 0 || EventSource.precedes(time[i], rank[i], time[best], rank[best], false)) best = i;
            }
            if (best < 0) return;
            // the runner-up: where the best series' run must stop
            int next = -1;
            for (int i = 0; i < k; i++) {
                if (i == best || done[i]) continue;
                if (next < 0 || EventSource.precedes(time[i], rank[i], time[next], rank[next], false)) next = i;
            }
            if (next < 0) src[best].deliverRun(pipeline, Long.MAX_VALUE, Integer.MAX_VALUE, true);
            else src[best].deliverRun(pipeline, time[next], rank[next], best < next);
        }
    }
}
