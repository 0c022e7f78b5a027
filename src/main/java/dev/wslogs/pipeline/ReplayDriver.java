package dev.wslogs.pipeline;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongConsumer;

/**
 * Drives the pipeline from files read to their end ({@code wslogs analyze}). Each series (all
 * access inputs of one rotated series, all error inputs of one) is parsed on its own thread; the
 * events are merged by log time — error lines before access lines of the same millisecond, then by
 * series order — so the result does not depend on thread timing or on the order files were named.
 */
public final class ReplayDriver {
    private ReplayDriver() {}

    /** Replays {@code series} (each oldest first, already in a canonical order) into the pipeline. */
    public static List<FileStats> run(List<List<InputFile>> series, ZoneId errorZone, Pipeline pipeline, LongConsumer progress)
            throws InterruptedException {
        List<FileStats> stats = new ArrayList<>();
        int k = series.size();
        List<BlockingQueue<List<Event>>> queues = new ArrayList<>();
        List<SeriesReader> readers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            BlockingQueue<List<Event>> q = new ArrayBlockingQueue<>(8);
            SeriesReader r = new SeriesReader(series.get(i), errorZone, q, stats, progress);
            Thread t = new Thread(r, "wslogs-read-" + i);
            t.setDaemon(true);
            queues.add(q);
            readers.add(r);
            threads.add(t);
            t.start();
        }
        try {
            merge(queues, pipeline);
        } finally {
            for (Thread t : threads) t.interrupt();
            for (Thread t : threads) t.join();
        }
        for (SeriesReader r : readers) {
            if (r.failure() != null) throw new IllegalStateException("reading failed: " + r.failure(), r.failure());
        }
        pipeline.finish();
        return stats;
    }

    private static void merge(List<BlockingQueue<List<Event>>> queues, Pipeline pipeline) throws InterruptedException {
        int k = queues.size();
        List<List<Event>> batches = new ArrayList<>(k);
        int[] pos = new int[k];
        boolean[] done = new boolean[k];
        for (int i = 0; i < k; i++) batches.add(null);
        while (true) {
            int best = -1;
            Event bestEvent = null;
            for (int i = 0; i < k; i++) {
                if (done[i]) continue;
                if (batches.get(i) == null || pos[i] >= batches.get(i).size()) {
                    List<Event> b = queues.get(i).take();
                    if (b == SeriesReader.END) {
                        done[i] = true;
                        continue;
                    }
                    batches.set(i, b);
                    pos[i] = 0;
                }
                Event e = batches.get(i).get(pos[i]);
                if (bestEvent == null || before(e, bestEvent)) {
                    best = i;
                    bestEvent = e;
                }
            }
            if (best < 0) return;
            pos[best]++;
            pipeline.accept(bestEvent);
        }
    }

    /** Log-time order; on a tie error lines first (nginx writes them before the access line). */
    private static boolean before(Event a, Event b) {
        if (a.time() != b.time()) return a.time() < b.time();
        return rank(a) < rank(b);
    }

    private static int rank(Event e) {
        return e instanceof Event.Access ? 1 : 0;
    }

}
