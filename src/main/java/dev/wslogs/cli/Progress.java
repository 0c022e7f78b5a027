package dev.wslogs.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A progress bar on stderr for large inputs on a terminal. Redraws at most every 200 ms; the wall
 * clock is used here only for display, never by the pipeline.
 */
final class Progress implements LongConsumer, AutoCloseable {
    private final PrintStream err;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private volatile long lastDraw;

    Progress(PrintStream err, long total) {
        this.err = err;
        this.total = Math.max(1, total);
    }

    @Override
    public void accept(long bytes) {
        long d = done.addAndGet(bytes);
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L) return;
        lastDraw = now;
        int pct = (int) Math.min(100, d * 100 / total);
        int w = pct * 30 / 100;
        err.print("\r  reading [" + "#".repeat(w) + " ".repeat(30 - w) + "] " + pct + "% (" + d / (1 << 20) + " MiB)");
        err.flush();
    }

    @Override
    public void close() {
        err.print("\r" + " ".repeat(60) + "\r");
        err.flush();
    }
}
