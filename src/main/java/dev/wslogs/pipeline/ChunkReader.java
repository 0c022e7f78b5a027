package dev.wslogs.pipeline;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.zip.ZipException;

/**
 * Reads one access series (oldest file first) on its own thread into chunks of whole lines, hands
 * each to the worker pool to parse, and queues the futures in file order; the sequencer takes them
 * in that order, so parsing runs in parallel while the result does not depend on thread timing.
 *
 * <p>Memory is bounded by the buffer pool: reading waits for a free buffer, and a buffer is freed
 * only when the sequencer has consumed its chunk.
 */
final class ChunkReader implements Runnable {
    /** Marks the end of the series in the queue. */
    static final Future<ParsedChunk> END = CompletableFuture.completedFuture(null);

    private final List<InputFile> files;
    private final List<ChunkParser> parsers;
    private final ExecutorService workers;
    private final BlockingQueue<Future<ParsedChunk>> out;
    private final BufferPool buffers;
    private final int maxLineBytes;
    private final LongConsumer progress;
    private volatile Throwable failure;

    ChunkReader(List<InputFile> files, List<ChunkParser> parsers, ExecutorService workers, BlockingQueue<Future<ParsedChunk>> out,
            BufferPool buffers, int maxLineBytes, LongConsumer progress) {
        this.files = files;
        this.parsers = parsers;
        this.workers = workers;
        this.out = out;
        this.buffers = buffers;
        this.maxLineBytes = maxLineBytes;
        this.progress = progress;
    }

    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            for (int i = 0; i < files.size(); i++) readFile(i);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            try {
                out.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readFile(int file) throws InterruptedException {
        byte[] buf = buffers.take();
        int fill = 0;
        long base = 0;
        long total = 0;
        Chunk.EndNote note = Chunk.EndNote.NONE;
        String message = null;
        try (InputStream in = files.get(file).input().open()) {
            while (true) {
                int n = in.read(buf, fill, buf.length - fill);
                if (n < 0) break;
                fill += n;
                total += n;
                progress.accept(n);
                if (Thread.interrupted()) throw new InterruptedException();
                if (fill < buf.length) continue;
                int cut = lastNewline(buf, fill) + 1;
                byte[] next = buffers.take();
                if (cut > 0) {
                    System.arraycopy(buf, cut, next, 0, fill - cut);
                    submit(new Chunk(file, buf, cut, base, false, Chunk.EndNote.NONE, null, -1));
                    base += cut;
                    fill -= cut;
                } else { // one line longer than a buffer: keep its first maxLineBytes, skip to its end
                    submit(new Chunk(file, buf, Math.min(maxLineBytes, fill), base, false, Chunk.EndNote.NONE, null, -1));
                    long skipped = fill;
                    fill = 0;
                    while (true) {
                        int m = in.read(next, 0, next.length);
                        if (m < 0) break;
                        total += m;
                        progress.accept(m);
                        int nl = indexOf(next, m, (byte) '\n');
                        if (nl < 0) {
                            skipped += m;
                            continue;
                        }
                        skipped += nl + 1;
                        fill = m - nl - 1;
                        System.arraycopy(next, nl + 1, next, 0, fill);
                        break;
                    }
                    base += skipped;
                }
                buf = next;
            }
        } catch (EOFException | ZipException e) {
            note = Chunk.EndNote.TRUNCATED;
            message = e.getMessage();
        } catch (IOException e) {
            note = Chunk.EndNote.READ_ERROR;
            message = e.getMessage();
        }
        submit(new Chunk(file, buf, fill, base, true, note, message, note == Chunk.EndNote.NONE ? total : -1));
    }

    private void submit(Chunk c) throws InterruptedException {
        ChunkParser p = parsers.get(c.file);
        out.put(workers.submit(() -> p.parse(c)));
    }

    private static int lastNewline(byte[] b, int len) {
        for (int i = len - 1; i >= 0; i--) if (b[i] == '\n') return i;
        return -1;
    }

    private static int indexOf(byte[] b, int len, byte c) {
        for (int i = 0; i < len; i++) if (b[i] == c) return i;
        return -1;
    }
}
